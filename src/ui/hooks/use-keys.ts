/**
 * Key tokens for a screen. Inside the App they come one at a time from the KeyRouter (so a burst
 * of keys that changes screens reaches each screen in turn); a screen mounted on its own (tests)
 * listens with Ink's useInput directly. Either way only when raw mode is possible.
 */
import { useInput, useStdin } from 'ink';
import { createContext, createElement, useCallback, useContext, useEffect, useLayoutEffect, useMemo, useRef, type ReactNode } from 'react';
import { KeyRouter } from '../key-router.js';
import { tokensOf, type Token } from '../keys.js';

const KeyRouterContext = createContext<KeyRouter | null>(null);

/** The single input listener of the UI, feeding the router its screens register with. */
export function KeyRouterProvider({ children }: { readonly children: ReactNode }) {
  const { isRawModeSupported } = useStdin();
  const router = useMemo(() => new KeyRouter(), []);
  useEffect(() => () => router.dispose(), [router]);
  const listener = useCallback((input: string, key: Parameters<Parameters<typeof useInput>[0]>[1]) => router.push(tokensOf(input, key)), [router]);
  useInput(listener, { isActive: isRawModeSupported });
  return createElement(KeyRouterContext.Provider, { value: router }, children);
}

/**
 * For a component that switches what is on screen: call the returned function right before the
 * switch, and the keys after it wait until `screen` has changed and committed.
 */
export function useKeyHold(screen: unknown): () => void {
  const router = useContext(KeyRouterContext);
  useLayoutEffect(() => router?.release(), [screen, router]);
  return useCallback(() => router?.holdUntilCommit(), [router]);
}

export function useKeys(handler: (token: Token) => void, active = true): void {
  const { isRawModeSupported } = useStdin();
  const router = useContext(KeyRouterContext);
  const ref = useRef(handler);
  ref.current = handler;
  const on = useRef(active);
  on.current = active && isRawModeSupported;
  // Registered during the commit (a layout effect), before the router hands over the next key.
  useLayoutEffect(() => router?.add({ fn: (t) => ref.current(t), active: () => on.current }), [router]);
  // A stable listener: Ink re-subscribes whenever the callback changes, which would reorder listeners.
  const listener = useCallback((input: string, key: Parameters<Parameters<typeof useInput>[0]>[1]) => {
    for (const t of tokensOf(input, key)) ref.current(t);
  }, []);
  useInput(listener, { isActive: router === null && active && isRawModeSupported });
}
