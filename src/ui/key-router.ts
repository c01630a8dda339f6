/**
 * One input listener for the whole UI. Ink hands a burst of keys (a paste, fast typing) to every
 * listener at once, before React has drawn the screen the first key opened; the keys after it
 * would reach the screen that is closing. The router delivers one key at a time instead, and the
 * next one only after React has committed (a new screen registers its handler in a layout effect),
 * so each key reaches the screen that is showing when its turn comes. A key that switches screens
 * holds the rest until the new screen has committed (React may commit a little later), or for at
 * most HOLD_MS.
 */
import type { Token } from './keys.js';

export interface KeyEntry {
  /** Called with each key while the entry is active. */
  readonly fn: (token: Token) => void;
  readonly active: () => boolean;
}

/** Longest a screen switch holds the keys after it (a switch that changes nothing never releases). */
const HOLD_MS = 100;

export class KeyRouter {
  private readonly entries = new Set<KeyEntry>();
  private readonly queue: Token[] = [];
  private timer: NodeJS.Timeout | null = null;
  private hold: NodeJS.Timeout | null = null;

  /** Registers a handler; returns its removal. */
  add(entry: KeyEntry): () => void {
    this.entries.add(entry);
    return () => void this.entries.delete(entry);
  }

  push(tokens: readonly Token[]): void {
    this.queue.push(...tokens);
    if (this.timer === null) this.deliver();
  }

  /** Keys wait: the screen is about to change. */
  holdUntilCommit(): void {
    if (this.hold !== null) clearTimeout(this.hold);
    this.hold = setTimeout(this.release, HOLD_MS);
  }

  /** The new screen has committed: keys flow again. */
  readonly release = (): void => {
    if (this.hold === null) return;
    clearTimeout(this.hold);
    this.hold = null;
    if (this.queue.length > 0 && this.timer === null) this.timer = setTimeout(this.deliver, 0);
  };

  dispose(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    if (this.hold !== null) clearTimeout(this.hold);
    this.timer = null;
    this.hold = null;
    this.queue.length = 0;
  }

  private readonly deliver = (): void => {
    this.timer = null;
    if (this.hold !== null) return;
    const token = this.queue.shift();
    if (token === undefined) return;
    // Every active handler sees the key, in the order they registered (as Ink's listeners do).
    for (const entry of [...this.entries]) if (entry.active()) entry.fn(token);
    // A timer, not a microtask: React commits and runs its effects before the next key.
    if (this.queue.length > 0) this.timer = setTimeout(this.deliver, 0);
  };
}
