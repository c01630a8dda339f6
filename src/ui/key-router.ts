/**
 * One input listener for the whole UI. Ink hands a burst of keys (a paste, fast typing) to every
 * listener at once, before React has drawn the screen the first key opened; the keys after it
 * would reach the screen that is closing. The router delivers one key at a time instead, and the
 * next one only after React has committed (a new screen registers its handler in a layout effect),
 * so each key reaches the screen that is showing when its turn comes.
 */
import type { Token } from './keys.js';

export interface KeyEntry {
  /** Called with each key while the entry is active. */
  readonly fn: (token: Token) => void;
  readonly active: () => boolean;
}

export class KeyRouter {
  private readonly entries = new Set<KeyEntry>();
  private readonly queue: Token[] = [];
  private timer: NodeJS.Timeout | null = null;

  /** Registers a handler; returns its removal. */
  add(entry: KeyEntry): () => void {
    this.entries.add(entry);
    return () => void this.entries.delete(entry);
  }

  push(tokens: readonly Token[]): void {
    this.queue.push(...tokens);
    if (this.timer === null) this.deliver();
  }

  dispose(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.queue.length = 0;
  }

  private readonly deliver = (): void => {
    this.timer = null;
    const token = this.queue.shift();
    if (token === undefined) return;
    // Every active handler sees the key, in the order they registered (as Ink's listeners do).
    for (const entry of [...this.entries]) if (entry.active()) entry.fn(token);
    // A timer, not a microtask: React commits and runs its effects before the next key.
    if (this.queue.length > 0) this.timer = setTimeout(this.deliver, 0);
  };
}
