/**
 * Keys as tokens: one token per key press, batched input (paste, fast typing) split per
 * character. Arrows and hjkl give the same navigation tokens.
 */

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

export type Token = 'up' | 'down' | 'left' | 'right' | 'enter' | 'escape' | 'backspace' | 'tab' | 'ctrl-c' | (string & {});

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

const VIM: Readonly<Record<string, Token>> = { h: 'left', j: 'down', k: 'up', l: 'right' };

/** hjkl as arrows (for screens where letters are not typed as text). */
export const nav = (t: Token): Token => VIM[t] ?? t;

/** The key hints of the status bar and the help overlay: [keys, what]. */
export const LAB_KEYS: readonly (readonly [string, string])[] = [
  ['space', 'play / pause'],
  ['n →', 'one epoch'],
  ['.', 'one pattern (a single update)'],
  ['+ -', 'speed'],
  ['r', 'reset, same seed'],
  ['R', 'new seed (seed + 1)'],
  ['m', 'next model'],
  ['s', 'pick a scenario'],
  ['p', 'edit parameters'],
  ['c', 'compare side by side'],
  ['g', 'gradient panel'],
  ['?', 'this help'],
  ['q Esc', 'back (quit from the timeline)'],
  ['Ctrl-C', 'quit from anywhere'],
];

export const TIMELINE_KEYS: readonly (readonly [string, string])[] = [
  ['↑ ↓ j k', 'choose an era'],
  ['Enter', "open the era's lab"],
  ['t', 'start the tour'],
  ['s', 'pick a scenario'],
];

export const TOUR_KEYS: readonly (readonly [string, string])[] = [
  ['→ Enter', 'next stop'],
  ['←', 'previous stop'],
  ['Esc', 'leave the tour'],
];
