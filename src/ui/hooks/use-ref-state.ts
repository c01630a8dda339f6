/**
 * State whose latest value is readable at once through a ref: the tokens of one batched input
 * (a paste, fast typing) are handled before React re-renders, so each must see the previous one.
 */
import { useRef, useState } from 'react';

export function useRefState<T>(initial: T): [T, (next: T | ((prev: T) => T)) => void, { readonly current: T }] {
  const [value, setValue] = useState(initial);
  const ref = useRef(value);
  const set = (next: T | ((prev: T) => T)): void => {
    ref.current = typeof next === 'function' ? (next as (prev: T) => T)(ref.current) : next;
    setValue(ref.current);
  };
  return [value, set, ref];
}
