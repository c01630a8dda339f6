/**
 * The shape of a language's catalogue: the words of the UI, the reasons, the history cards, the
 * tour stops, the eras, the keys, the scenarios, the metrics and the models' said lines. Its own
 * file so the catalogues (en.ts, ko.ts and the ko-*.ts parts) and the translator (index.ts) share it
 * without importing each other.
 */
import type { ReasonCode } from '../core/reasons.js';
import type { SaidCode } from '../core/said.js';
import type { TextKey } from './en.js';

/** A model's history card in a language. */
export interface CardText {
  readonly name: string;
  readonly summary: string;
  readonly cannot: string;
}

/** A tour stop's words: its title, the lines said before the run, the moment it stops on, and its era in the closing summary. */
export interface StopText {
  readonly title: string;
  readonly narrative: readonly string[];
  readonly moment: string;
  readonly failure: string;
  readonly fix: string;
}

/** An era of the timeline in words. */
export interface EraText {
  readonly brought: string;
  readonly couldNot: string;
  readonly standIn?: string;
}

/** What a key does: the help screen's words and the footer's short form. */
export interface KeyText {
  readonly help: string;
  readonly hint: string;
}

/** A scenario's words (issue 17: Korean screens are Korean): title, story, run labels by run id, claim notes by claim index. */
export interface ScenarioText {
  readonly title: string;
  readonly story: readonly string[];
  readonly labels?: Readonly<Record<string, string>>;
  readonly notes?: Readonly<Record<number, string>>;
}

export interface Catalogue {
  readonly text: Readonly<Record<TextKey, string>>;
  readonly reasons: Readonly<Record<ReasonCode, string>>;
  /** By model id. English: the plugin metas. */
  readonly cards: Readonly<Record<string, CardText>>;
  /** By scenario id of the stop. English: curriculum.ts. */
  readonly stops: Readonly<Record<string, StopText>>;
  /** By eraKey(era). English: eras.ts. */
  readonly eras: Readonly<Record<string, EraText>>;
  /** By scenario id. English: the scenario files. */
  readonly morals: Readonly<Record<string, string>>;
  /** By keymap name, then action. English: keymaps.ts. */
  readonly keys: Readonly<Record<string, Readonly<Record<string, KeyText>>>>;
  /** By scenario id. English: the scenario files. */
  readonly scenarios: Readonly<Record<string, ScenarioText>>;
  /** The built-in models' parameter descriptions, by their English text (the schemas' `help`). */
  readonly params: Readonly<Record<string, string>>;
  /** Metric names by id (English: the ids themselves; ids without an entry stay as they are). */
  readonly metrics: Readonly<Record<string, string>>;
  /** What models say about themselves (describe()), by code. English: core/said.ts. */
  readonly said: Readonly<Record<SaidCode, string>>;
}
