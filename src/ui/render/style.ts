/**
 * Styling of the UI's text: named tones mapped to colours at the terminal's depth. Without colour
 * (NO_COLOR, --color none) bold and inverse stay, so selections and verdicts remain visible.
 */
import { sgr, type ColorDepth, type Rgb } from '../color.js';

export type Tone = 'plain' | 'title' | 'dim' | 'good' | 'bad' | 'warn' | 'accent' | 'accent2' | 'info' | 'winter';

const TONE_RGB: Readonly<Record<Tone, Rgb | null>> = {
  plain: null,
  title: [90, 200, 230],
  dim: [140, 140, 150],
  good: [90, 210, 110],
  bad: [235, 80, 80],
  warn: [235, 200, 70],
  accent: [90, 200, 230],
  accent2: [220, 110, 220],
  info: [150, 170, 255],
  winter: [110, 150, 255],
};

export interface StyleOptions {
  readonly tone?: Tone;
  readonly rgb?: Rgb;
  readonly bold?: boolean;
  readonly inverse?: boolean;
  readonly dim?: boolean;
}

/** `s` wrapped in the codes of a style at a colour depth (and reset after). */
export function paint(depth: ColorDepth, s: string, o: StyleOptions): string {
  const codes: string[] = [];
  if (o.bold) codes.push('1');
  if (o.inverse) codes.push('7');
  const rgb = o.rgb ?? (o.tone ? TONE_RGB[o.tone] : null);
  if (depth !== 'none') {
    if (rgb) codes.push(sgr(depth, rgb));
    if (o.dim && depth === '16') codes.push('2');
  }
  return codes.length ? `\x1b[${codes.join(';')}m${s}\x1b[0m` : s;
}

/** Shorthand: a tone, optionally bold. */
export const tone = (depth: ColorDepth, t: Tone, s: string, bold = false): string => paint(depth, s, { tone: t, bold });
