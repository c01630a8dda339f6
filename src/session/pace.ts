/**
 * How fast a lesson plays: a ladder of paces from one pattern a second (a perceptron correcting
 * itself, slow enough to read) to as many epochs as the machine allows.
 */
import { EN_TR, type Tr } from '../i18n/index.js';

export interface Pace {
  readonly unit: 'pattern' | 'epoch';
  /** Units per second; Infinity is "as fast as possible". */
  readonly perSecond: number;
}

export const PACES: readonly Pace[] = [
  { unit: 'pattern', perSecond: 1 },
  { unit: 'pattern', perSecond: 2 },
  { unit: 'pattern', perSecond: 4 },
  { unit: 'pattern', perSecond: 8 },
  { unit: 'epoch', perSecond: 1 },
  { unit: 'epoch', perSecond: 2 },
  { unit: 'epoch', perSecond: 5 },
  { unit: 'epoch', perSecond: 10 },
  { unit: 'epoch', perSecond: 25 },
  { unit: 'epoch', perSecond: 100 },
  { unit: 'epoch', perSecond: 1000 },
  { unit: 'epoch', perSecond: Infinity },
];

/** The default: ten epochs a second. */
export const DEFAULT_PACE = 7;

/** Index of a pace on the ladder (the nearest one of its unit when it is not on it). */
export function paceIndex(p: Pace): number {
  const exact = PACES.findIndex((q) => q.unit === p.unit && q.perSecond === p.perSecond);
  if (exact >= 0) return exact;
  let best = DEFAULT_PACE;
  for (let i = 0; i < PACES.length; i++) {
    const q = PACES[i]!;
    if (q.unit === p.unit && Math.abs(Math.log(q.perSecond / p.perSecond)) < Math.abs(Math.log(PACES[best]!.perSecond / p.perSecond))) best = i;
  }
  return best;
}

export const paceLabel = (p: Pace, tr: Tr = EN_TR): string =>
  p.perSecond === Infinity ? tr.t('pace.max') : tr.t(`pace.${p.unit}${p.perSecond === 1 ? '' : 's'}`, { n: p.perSecond });

/** What the player's meter measured (player.ts). */
export interface PaceMeasure {
  /** Units a second played, once half a second and ten units' worth of time were measured (null before). */
  readonly perSecond: number | null;
  /** Fell short of the setting: fewer than 90 % of the units owed were played (a unit still pending aside). */
  readonly short: boolean;
}

/**
 * The pace on screen: the one played when it fell short of the setting ("~40 epochs/s (set
 * 100)"), the measured one at "max", else the setting.
 */
export function playedPaceLabel(p: Pace, meter: PaceMeasure, tr: Tr = EN_TR): string {
  const set = paceLabel(p, tr);
  const measured = meter.perSecond;
  if (measured === null) return set;
  const played = tr.t(`pace.${p.unit}s`, { n: Number(measured.toPrecision(2)) });
  if (p.perSecond === Infinity) return tr.t('pace.maxPlayed', { played });
  return meter.short ? tr.t('pace.played', { played, set: p.perSecond }) : set;
}
