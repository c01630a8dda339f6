/**
 * One keymap table per screen: which keys do what. The same tables drive key handling, the help
 * screen and the footer hints (condensed by priority to fit; `?` always shown). The words here are
 * English; another language's catalogue has them by keymap name and action (localized()).
 */
import { EN_TR, type Tr } from '../i18n/index.js';

/** One key press: a character, or a named key ('up', 'enter', 'escape', …). */
export type Token = 'up' | 'down' | 'left' | 'right' | 'enter' | 'escape' | 'backspace' | 'tab' | 'ctrl-c' | (string & {});

export interface Binding<A extends string> {
  readonly keys: readonly Token[];
  /** The keys as help shows them: "space", "n →". */
  readonly label: string;
  readonly action: A;
  /** What the key does, for the help screen. */
  readonly help: string;
  /** The footer's short form. */
  readonly hint: string;
  /** Higher stays longer in a narrow footer. */
  readonly priority: number;
}

export type LabAction =
  | 'toggle' | 'epoch' | 'pattern' | 'faster' | 'slower' | 'reset' | 'reseed' | 'model' | 'scenario' | 'params' | 'compare' | 'gradients' | 'export' | 'share' | 'quiz' | 'etaUp' | 'etaDown' | 'noiseUp' | 'noiseDown' | 'testUp' | 'testDown' | 'newData' | 'features' | 'live' | 'network' | 'cursor' | 'pointClass' | 'removePoint' | 'help' | 'back';

export const LAB_KEYS: readonly Binding<LabAction>[] = [
  { keys: [' '], label: 'space', action: 'toggle', help: 'play / pause (after every verdict: play on)', hint: 'space play', priority: 10 },
  { keys: ['n', 'right'], label: 'n →', action: 'epoch', help: 'one epoch (also after the verdict)', hint: 'n epoch', priority: 9 },
  { keys: ['.'], label: '.', action: 'pattern', help: 'one pattern: a single update, written out', hint: '. pattern', priority: 9 },
  { keys: ['+', '='], label: '+ -', action: 'faster', help: 'faster / slower (patterns or epochs a second)', hint: '+/- speed', priority: 6 },
  { keys: ['-', '_'], label: '', action: 'slower', help: '', hint: '', priority: 0 },
  { keys: ['c'], label: 'c', action: 'compare', help: 'compare two runs side by side (again: back to one)', hint: 'c compare', priority: 8 },
  { keys: ['g'], label: 'g', action: 'gradients', help: 'per-layer gradient panel', hint: 'g grads', priority: 7 },
  { keys: ['m'], label: 'm', action: 'model', help: 'next model (the scenario\'s runs, then others tried on its data)', hint: 'm model', priority: 8 },
  { keys: ['r'], label: 'r', action: 'reset', help: 'reset, same seed', hint: 'r reset', priority: 5 },
  { keys: ['R'], label: 'R', action: 'reseed', help: 'new seed (seed + 1)', hint: 'R seed', priority: 3 },
  { keys: ['p'], label: 'p', action: 'params', help: 'edit parameters (validated form)', hint: 'p params', priority: 4 },
  { keys: ['s'], label: 's', action: 'scenario', help: 'pick a scenario', hint: 's scenario', priority: 4 },
  { keys: ['e'], label: 'e', action: 'export', help: 'export the runs on screen: JSON (whole run), CSV (per epoch), share string', hint: 'e export', priority: 4 },
  { keys: ['k'], label: 'k', action: 'quiz', help: 'quiz: work out the next update yourself, then see it checked (k again leaves)', hint: 'k quiz', priority: 4 },
  { keys: ['y'], label: 'y', action: 'share', help: 'the share string whole: to a file and the clipboard (OSC 52)', hint: 'y share', priority: 3 },
  // live η (issue 25)
  { keys: ['>'], label: '> <', action: 'etaUp', help: 'η up / down as it trains (same weights)', hint: '< > η', priority: 4 },
  { keys: ['<'], label: '', action: 'etaDown', help: '', hint: '', priority: 0 },
  // data controls (issue 25): generated 2-D sets only
  { keys: [']'], label: '[ ]', action: 'noiseUp', help: 'noise up / down (generated 2-D data: new points, the runs restart)', hint: '[ ] noise', priority: 2 },
  { keys: ['['], label: '', action: 'noiseDown', help: '', hint: '', priority: 0 },
  { keys: ['}'], label: '{ }', action: 'testUp', help: 'test share up / down by 10 % (the runs restart)', hint: '{ } test', priority: 2 },
  { keys: ['{'], label: '', action: 'testDown', help: '', hint: '', priority: 0 },
  { keys: ['d'], label: 'd', action: 'newData', help: 'new points from the next data seed', hint: 'd data', priority: 2 },
  { keys: ['f'], label: 'f', action: 'features', help: 'next feature set (o: each input on/off)', hint: 'f features', priority: 2 },
  // live changes and feature inputs (issue 25): the live row
  { keys: ['o'], label: 'o', action: 'live', help: 'live row: change as it trains', hint: 'o live', priority: 4 },
  // the network view (issue 25): layered nets on 2-D data
  { keys: ['v'], label: 'v', action: 'network', help: 'network view (arrows: a unit; ⏎ opens)', hint: 'v net', priority: 5 },
  // points by hand (issue 25): the keyboard's way to what a click on the map does
  { keys: ['a'], label: 'a x u', action: 'cursor', help: 'add a point (cursor) / its class / undo', hint: 'a point', priority: 2 },
  { keys: ['x'], label: '', action: 'pointClass', help: '', hint: 'x class', priority: 1 },
  { keys: ['u'], label: '', action: 'removePoint', help: '', hint: 'u unpoint', priority: 1 },
  { keys: ['?'], label: '?', action: 'help', help: 'this help', hint: '? help', priority: 100 },
  { keys: ['q', 'escape'], label: 'q Esc', action: 'back', help: 'back (close compare first; quit from the timeline)', hint: 'q back', priority: 20 },
];

export type LiveAction = 'previous' | 'next' | 'down' | 'up' | 'close';

/** The live row over the lab (`o`): it takes the arrows and Esc while open; every other lab key still works. */
export const LIVE_KEYS: readonly Binding<LiveAction>[] = [
  { keys: ['up'], label: '↑ ↓', action: 'previous', help: 'previous / next knob', hint: '↑↓ knob', priority: 30 },
  { keys: ['down'], label: '', action: 'next', help: '', hint: '', priority: 0 },
  { keys: ['left'], label: '← →', action: 'down', help: 'the knob one step down / up as it trains (a feature input: off / on, the runs restart)', hint: '←→ value', priority: 30 },
  { keys: ['right'], label: '', action: 'up', help: '', hint: '', priority: 0 },
  { keys: ['escape', 'o'], label: 'Esc o', action: 'close', help: 'close the live row', hint: 'Esc close', priority: 25 },
];

export type CursorAction = 'cursorLeft' | 'cursorRight' | 'cursorUp' | 'cursorDown' | 'cursorAdd';

/** While the point cursor is on the map, the arrows move it and Enter adds a point there (before the network view's keys and the lab's). */
export const CURSOR_KEYS: readonly Binding<CursorAction>[] = [
  { keys: ['left'], label: '', action: 'cursorLeft', help: '', hint: '←→↑↓ cursor', priority: 12 },
  { keys: ['right'], label: '', action: 'cursorRight', help: '', hint: '', priority: 0 },
  { keys: ['up'], label: '', action: 'cursorUp', help: '', hint: '', priority: 0 },
  { keys: ['down'], label: '', action: 'cursorDown', help: '', hint: '', priority: 0 },
  { keys: ['enter'], label: '', action: 'cursorAdd', help: '', hint: 'Enter add point', priority: 11 },
];

export type NetAction = 'layerLeft' | 'layerRight' | 'unitUp' | 'unitDown' | 'unitOpen';

/** While the network view is on screen, the arrows and Enter select and open its units (before the lab's keys). */
export const NET_KEYS: readonly Binding<NetAction>[] = [
  { keys: ['left'], label: '', action: 'layerLeft', help: '', hint: '←→↑↓ unit', priority: 11 },
  { keys: ['right'], label: '', action: 'layerRight', help: '', hint: '', priority: 0 },
  { keys: ['up'], label: '', action: 'unitUp', help: '', hint: '', priority: 0 },
  { keys: ['down'], label: '', action: 'unitDown', help: '', hint: '', priority: 0 },
  { keys: ['enter'], label: '', action: 'unitOpen', help: '', hint: 'Enter open', priority: 10 },
];

export type TourAction = 'next' | 'previous' | 'leave';

export const TOUR_KEYS: readonly Binding<TourAction>[] = [
  { keys: ['enter', 'right', 'l'], label: 'Enter →', action: 'next', help: 'next stop', hint: 'Enter next', priority: 30 },
  { keys: ['left', 'h'], label: '←', action: 'previous', help: 'previous stop', hint: '← back', priority: 12 },
  { keys: ['escape', 'q'], label: 'Esc q', action: 'leave', help: 'leave the tour', hint: 'Esc leave', priority: 20 },
];

export type SummaryAction = 'timeline' | 'back' | 'up' | 'down' | 'leave';

/** The tour's closing summary: Enter returns to the timeline, ← to the last stop. */
export const SUMMARY_KEYS: readonly Binding<SummaryAction>[] = [
  { keys: ['enter', 'right', 'l'], label: 'Enter →', action: 'timeline', help: 'end the tour: back to the timeline', hint: 'Enter timeline', priority: 30 },
  { keys: ['left', 'h'], label: '←', action: 'back', help: 'back to the last stop', hint: '← last stop', priority: 12 },
  { keys: ['up', 'k'], label: '↑ k', action: 'up', help: 'scroll up', hint: '↑↓ scroll', priority: 10 },
  { keys: ['down', 'j'], label: '↓ j', action: 'down', help: 'scroll down', hint: '', priority: 0 },
  { keys: ['escape', 'q'], label: 'Esc q', action: 'leave', help: 'leave the tour', hint: 'Esc leave', priority: 20 },
];

/** Points by hand: a tour stop keeps its data. */
const POINT_ACTIONS: readonly LabAction[] = ['cursor', 'pointClass', 'removePoint'];

/** In the tour, the lab keeps its keys except the ones the tour takes and the points (a stop keeps its data). */
export const TOUR_LAB_KEYS: readonly Binding<LabAction>[] = LAB_KEYS.filter((b) => b.action !== 'back' && !POINT_ACTIONS.includes(b.action)).map((b) =>
  b.action === 'epoch' ? { ...b, keys: ['n'], label: 'n' } : b,
);

export type ReplayAction = 'back1' | 'forward1' | 'back10' | 'forward10' | 'start' | 'end' | 'gradients' | 'help' | 'leave';

/** Replaying an exported run: scrub the recorded epochs. */
export const REPLAY_KEYS: readonly Binding<ReplayAction>[] = [
  { keys: ['left', 'h'], label: '← →', action: 'back1', help: 'one epoch back / forward', hint: '←→ epoch', priority: 30 },
  { keys: ['right', 'l'], label: '', action: 'forward1', help: '', hint: '', priority: 0 },
  { keys: ['['], label: '[ ]', action: 'back10', help: 'ten epochs back / forward', hint: '[ ] ten', priority: 20 },
  { keys: [']'], label: '', action: 'forward10', help: '', hint: '', priority: 0 },
  { keys: ['0'], label: '0 $', action: 'start', help: 'the first / the last recorded epoch', hint: '0/$ ends', priority: 15 },
  { keys: ['$'], label: '', action: 'end', help: '', hint: '', priority: 0 },
  { keys: ['g'], label: 'g', action: 'gradients', help: 'per-layer gradient panel', hint: 'g grads', priority: 7 },
  { keys: ['?'], label: '?', action: 'help', help: 'this help', hint: '? help', priority: 100 },
  { keys: ['q', 'escape'], label: 'q Esc', action: 'leave', help: 'leave the replay', hint: 'q back', priority: 25 },
];

export type TimelineAction = 'up' | 'down' | 'open' | 'tour' | 'scenario' | 'help' | 'quit';

export const TIMELINE_KEYS: readonly Binding<TimelineAction>[] = [
  { keys: ['up', 'k'], label: '↑ k', action: 'up', help: 'previous era', hint: '↑↓ choose', priority: 8 },
  { keys: ['down', 'j'], label: '↓ j', action: 'down', help: 'next era', hint: '', priority: 0 },
  { keys: ['enter'], label: 'Enter', action: 'open', help: "open the era's lab", hint: 'Enter open', priority: 9 },
  { keys: ['t'], label: 't', action: 'tour', help: 'start the classroom tour', hint: 't tour', priority: 30 },
  { keys: ['s'], label: 's', action: 'scenario', help: 'pick a scenario', hint: 's scenarios', priority: 6 },
  { keys: ['?'], label: '?', action: 'help', help: 'this help', hint: '? help', priority: 100 },
  { keys: ['q', 'escape'], label: 'q Esc', action: 'quit', help: 'quit', hint: 'q quit', priority: 20 },
];

export type PickerAction = 'up' | 'down' | 'open' | 'cancel';

export const PICKER_KEYS: readonly Binding<PickerAction>[] = [
  { keys: ['up', 'k'], label: '↑ k', action: 'up', help: 'previous scenario', hint: '↑↓ choose', priority: 8 },
  { keys: ['down', 'j'], label: '↓ j', action: 'down', help: 'next scenario', hint: '', priority: 0 },
  { keys: ['enter'], label: 'Enter', action: 'open', help: 'open it', hint: 'Enter open', priority: 9 },
  { keys: ['escape', 'q'], label: 'Esc q', action: 'cancel', help: 'cancel', hint: 'Esc cancel', priority: 20 },
];

export type FormAction = 'up' | 'down' | 'previousChoice' | 'nextChoice' | 'erase' | 'apply' | 'cancel';

/** The parameter form: any other printable key is typed into the field. */
export const FORM_KEYS: readonly Binding<FormAction>[] = [
  { keys: ['up'], label: '↑', action: 'up', help: 'previous field', hint: '↑↓ field', priority: 8 },
  { keys: ['down', 'tab'], label: '↓ Tab', action: 'down', help: 'next field', hint: '', priority: 0 },
  { keys: ['left'], label: '←', action: 'previousChoice', help: 'previous choice (enums, booleans)', hint: '←→ choose', priority: 6 },
  { keys: ['right'], label: '→', action: 'nextChoice', help: 'next choice', hint: '', priority: 0 },
  { keys: ['backspace'], label: '⌫', action: 'erase', help: 'delete a character', hint: 'type to edit', priority: 5 },
  { keys: ['enter'], label: 'Enter', action: 'apply', help: 'apply and restart the run', hint: 'Enter apply', priority: 9 },
  { keys: ['escape'], label: 'Esc', action: 'cancel', help: 'cancel', hint: 'Esc cancel', priority: 20 },
];

export type QuizAction = 'up' | 'down' | 'erase' | 'check' | 'leave';

/** The quiz over the lab: any other printable key is typed into the answer. */
export const QUIZ_KEYS: readonly Binding<QuizAction>[] = [
  { keys: ['up'], label: '↑', action: 'up', help: 'previous answer', hint: '↑↓ answer', priority: 8 },
  { keys: ['down', 'tab'], label: '↓ Tab', action: 'down', help: 'next answer', hint: '', priority: 0 },
  { keys: ['backspace'], label: '⌫', action: 'erase', help: 'delete a character', hint: 'type numbers, 1/2, (0.1, -0.2)', priority: 5 },
  { keys: ['enter'], label: 'Enter', action: 'check', help: 'check the answers; after the reveal, the next update', hint: 'Enter check / next', priority: 9 },
  { keys: ['k', 'escape'], label: 'k Esc', action: 'leave', help: 'leave the quiz', hint: 'k leave', priority: 20 },
];

/** The action a key triggers in a keymap, if any. */
export function actionOf<A extends string>(map: readonly Binding<A>[], token: Token): A | null {
  for (const b of map) if (b.keys.includes(token)) return b.action;
  return null;
}

/** Each keymap's name in the catalogues (the tour keeps the lab's keys: the same words). */
export const KEYMAP_NAMES: ReadonlyMap<readonly Binding<string>[], string> = new Map<readonly Binding<string>[], string>([
  [LAB_KEYS, 'lab'],
  [TOUR_LAB_KEYS, 'lab'],
  [TOUR_KEYS, 'tour'],
  [SUMMARY_KEYS, 'summary'],
  [TIMELINE_KEYS, 'timeline'],
  [PICKER_KEYS, 'picker'],
  [FORM_KEYS, 'form'],
  [QUIZ_KEYS, 'quiz'],
  [REPLAY_KEYS, 'replay'],
  [LIVE_KEYS, 'live'],
  [NET_KEYS, 'network'],
  [CURSOR_KEYS, 'cursor'],
]);

const localizedCache = new WeakMap<Tr, Map<readonly Binding<string>[], readonly Binding<string>[]>>();

/** A keymap with its help and hints in the translator's language (the keys and labels stay). */
export function localized<A extends string>(map: readonly Binding<A>[], tr: Tr = EN_TR): readonly Binding<A>[] {
  const name = KEYMAP_NAMES.get(map);
  if (tr.lang === 'en' || !name) return map;
  let byMap = localizedCache.get(tr);
  if (!byMap) localizedCache.set(tr, (byMap = new Map()));
  let out = byMap.get(map) as readonly Binding<A>[] | undefined;
  if (!out) byMap.set(map, (out = map.map((b) => ({ ...b, ...tr.key(name, b.action, { help: b.help, hint: b.hint }) }))));
  return out;
}

/**
 * What the help screen lists, section by section (the lab's keys with the network view's and the
 * point cursor's, then the timeline's, the tour's and the replay's): its words, key by key.
 */
export function helpSections(tr: Tr = EN_TR): readonly { readonly title: string; readonly rows: readonly (readonly [string, string])[] }[] {
  return [
    { title: tr.t('help.lab'), rows: [...helpRows(LAB_KEYS, tr), ...helpRows(NET_KEYS, tr), ...helpRows(CURSOR_KEYS, tr)] },
    { title: tr.t('help.timeline'), rows: helpRows(TIMELINE_KEYS, tr) },
    { title: tr.t('help.tour'), rows: helpRows(TOUR_KEYS, tr) },
    { title: tr.t('help.replay'), rows: helpRows(REPLAY_KEYS, tr) },
  ];
}

/** How far the help scrolls: one step per section title and per key it lists. */
export const helpSteps = (tr: Tr = EN_TR): number => helpSections(tr).reduce((n, s) => n + 1 + s.rows.length, 0);

/** The bindings a help screen lists (those with words). */
export const helpRows = <A extends string>(map: readonly Binding<A>[], tr: Tr = EN_TR): readonly (readonly [string, string])[] =>
  localized(map, tr).filter((b) => b.help && b.label).map((b) => [b.label, b.help] as const);
