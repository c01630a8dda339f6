/**
 * A challenge's leaderboard in the lab: every run decided there is recorded once (the best per
 * model is kept across sessions, atomically, in the results file), and the board's lines are read
 * again only after a record. Scenarios without `leaderboard` have none.
 */
import type { Tr } from '../i18n/index.js';
import { parametersOf, readResults, recordResults, resultEntries, resultsPath } from '../report/results-file.js';
import { resultOf } from '../scenarios/execute.js';
import type { Lane } from './lane.js';

export class Leaderboard {
  private readonly recorded = new WeakSet<Lane>();
  private lines: string[] | undefined;

  constructor(
    private readonly scenario: string,
    private readonly tr: Tr,
  ) {}

  /**
   * Records the lanes whose runs have just been decided; returns the note to show (a new best, or
   * why the file could not be written), or null when there is nothing new to say.
   */
  record(lanes: readonly Lane[], seed: number | string, labelOf: (lane: Lane) => string): string | null {
    const done = lanes.filter((l) => l.run?.done && !l.error && !this.recorded.has(l));
    if (done.length === 0) return null;
    for (const l of done) this.recorded.add(l);
    const result = { scenario: this.scenario, seed, runs: done.map((l) => resultOf(l.run!, labelOf(l))) };
    const seconds = new Map(done.map((l) => [l.spec.id, l.seconds]));
    const parameters = new Map(done.map((l) => [l.spec.id, parametersOf(l.run!)]));
    this.lines = undefined;
    try {
      const improved = recordResults(resultEntries(result, seconds, parameters, new Date()));
      return improved.length ? this.tr.t('note.best', { models: improved.map((k) => k.split('/')[1]).join(', '), path: resultsPath() }) : null;
    } catch (e) {
      return this.tr.t('note.boardFailed', { message: (e as Error).message });
    }
  }

  /** The board, best test accuracy first. */
  board(): string[] {
    if (this.lines !== undefined) return this.lines;
    try {
      const rows = Object.values(readResults().best)
        .filter((e) => e.scenario === this.scenario)
        .sort((a, b) => b.testAccuracy - a.testAccuracy);
      this.lines = rows.length
        ? rows.map((e, i) => this.tr.t('board.row', { rank: i + 1, label: e.label, model: e.model, acc: e.testAccuracy, seconds: e.seconds, parameters: e.parameters, epochs: e.epochs }))
        : [this.tr.t('board.empty')];
    } catch (e) {
      this.lines = [(e as Error).message];
    }
    return this.lines;
  }
}
