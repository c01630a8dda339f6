/** Key tokens for a screen: Ink's useInput, active only when raw mode is possible. */
import { useInput, useStdin } from 'ink';
import { useCallback, useRef } from 'react';
import { tokensOf, type Token } from '../keys.js';

export function useKeys(handler: (token: Token) => void, active = true): void {
  const { isRawModeSupported } = useStdin();
  const ref = useRef(handler);
  ref.current = handler;
  // A stable listener: Ink re-subscribes whenever the callback changes, which would reorder listeners.
  const listener = useCallback((input: string, key: Parameters<Parameters<typeof useInput>[0]>[1]) => {
    for (const t of tokensOf(input, key)) ref.current(t);
  }, []);
  useInput(listener, { isActive: active && isRawModeSupported });
}
