/**
 * Ink's key events as tokens: one token per key press, a burst (paste, fast typing) split per
 * character. Arrows and named keys become 'up', 'enter', …; the keymaps (src/session/keymaps.ts)
 * say what each token does on each screen.
 */
import type { Token } from '../session/keymaps.js';

/** The subset of Ink's Key that the tokens read. */
export interface KeyLike {
  readonly upArrow: boolean;
  readonly downArrow: boolean;
  readonly leftArrow: boolean;
  readonly rightArrow: boolean;
  readonly return: boolean;
  readonly escape: boolean;
  readonly ctrl: boolean;
  readonly tab: boolean;
  readonly backspace: boolean;
  readonly delete: boolean;
}

/** The tokens of one input event, in order. */
export function tokensOf(input: string, key: KeyLike): Token[] {
  if (key.ctrl && input === 'c') return ['ctrl-c'];
  if (key.upArrow) return ['up'];
  if (key.downArrow) return ['down'];
  if (key.leftArrow) return ['left'];
  if (key.rightArrow) return ['right'];
  if (key.return) return ['enter'];
  if (key.escape) return ['escape'];
  if (key.backspace || key.delete) return ['backspace'];
  if (key.tab) return ['tab'];
  if (key.ctrl) return [];
  // A paste or fast typing arrives as one string: one token per character (and per line break).
  return Array.from(input).map((ch) => (ch === '\r' || ch === '\n' ? 'enter' : ch === '\x7f' ? 'backspace' : ch === '\x03' ? 'ctrl-c' : ch));
}
