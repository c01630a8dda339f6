/**
 * Colour depth and raw escape codes for the pre-coloured strings (heatmap rows, curves).
 * Depth comes from --color, else NO_COLOR / COLORTERM / TERM; Ink's own colours follow chalk.level,
 * which main.ts sets to the same depth.
 */
export type ColorDepth = 'none' | '16' | '256' | 'truecolor';
export const COLOR_CHOICES = ['auto', 'none', '16', '256', 'truecolor'] as const;
export type ColorChoice = (typeof COLOR_CHOICES)[number];

/** The depth the terminal supports, from the environment (no flag). */
export function detectDepth(env: NodeJS.ProcessEnv, isTty: boolean): ColorDepth {
  if ('NO_COLOR' in env && env['NO_COLOR'] !== '') return 'none';
  if (!isTty) return 'none';
  const term = env['TERM'] ?? '';
  if (term === 'dumb') return 'none';
  const colorterm = (env['COLORTERM'] ?? '').toLowerCase();
  if (colorterm === 'truecolor' || colorterm === '24bit') return 'truecolor';
  if (/-256(color)?$/.test(term) || term.startsWith('tmux') || term.startsWith('screen')) return '256';
  return '16';
}

export function resolveDepth(choice: ColorChoice | undefined, env: NodeJS.ProcessEnv, isTty: boolean): ColorDepth {
  return !choice || choice === 'auto' ? detectDepth(env, isTty) : choice;
}

/** chalk's level for a depth. */
export const chalkLevel = (d: ColorDepth): 0 | 1 | 2 | 3 => (d === 'none' ? 0 : d === '16' ? 1 : d === '256' ? 2 : 3);

export type Rgb = readonly [number, number, number];

/** Index in the xterm 256-colour cube (16..231) or grey ramp (232..255) nearest to rgb. */
export function to256([r, g, b]: Rgb): number {
  const level = (v: number): number => (v < 48 ? 0 : v < 115 ? 1 : Math.min(5, Math.floor((v - 35) / 40)));
  const cube = 16 + 36 * level(r) + 6 * level(g) + level(b);
  if (Math.abs(r - g) < 10 && Math.abs(g - b) < 10) {
    const grey = Math.round((r + g + b) / 3);
    if (grey > 8 && grey < 238) return 232 + Math.min(23, Math.round((grey - 8) / 10));
  }
  return cube;
}

/** The 16-colour code (30–37, 90–97) nearest in hue; bright when the colour is light. */
export function to16([r, g, b]: Rgb): number {
  const max = Math.max(r, g, b);
  if (max < 40) return 30;
  const bit = (v: number): number => (v >= max * 0.6 ? 1 : 0);
  const base = bit(r) + 2 * bit(g) + 4 * bit(b);
  return (max > 170 ? 90 : 30) + base;
}

/** The SGR parameters of a foreground (or background) colour at a depth; '' for none. */
export function sgr(depth: ColorDepth, rgb: Rgb, background = false): string {
  switch (depth) {
    case 'none':
      return '';
    case 'truecolor':
      return `${background ? 48 : 38};2;${rgb[0]};${rgb[1]};${rgb[2]}`;
    case '256':
      return `${background ? 48 : 38};5;${to256(rgb)}`;
    case '16':
      return String(to16(rgb) + (background ? 10 : 0));
  }
}

/** Mixes a towards b by t in [0, 1]. */
export const mix = (a: Rgb, b: Rgb, t: number): Rgb => [
  Math.round(a[0] + (b[0] - a[0]) * t),
  Math.round(a[1] + (b[1] - a[1]) * t),
  Math.round(a[2] + (b[2] - a[2]) * t),
];

/**
 * Class colours, TensorFlow Playground's blue and orange first, ten in all (the most classes a
 * scenario has); the maps pick 16-colour hues of their own.
 */
export const CLASS_RGB: readonly Rgb[] = [
  [40, 120, 255],
  [255, 140, 20],
  [50, 200, 80],
  [220, 60, 200],
  [230, 220, 50],
  [40, 210, 220],
  [230, 50, 50],
  [150, 110, 255],
  [170, 170, 170],
  [255, 120, 170],
];
export const BACKGROUND: Rgb = [16, 16, 24];

export const classRgb = (k: number): Rgb => CLASS_RGB[k % CLASS_RGB.length]!;

/** Removes ANSI escape codes (tests and snapshots). */
// eslint-disable-next-line no-control-regex
export const stripAnsi = (s: string): string => s.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');
