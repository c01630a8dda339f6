import { describe, expect, it } from 'vitest';
import { Run } from '../../src/core/runner.js';
import { prepareRuns } from '../../src/scenarios/execute.js';
import { loadScenario } from '../../src/scenarios/loader.js';
import { DisplaySeries } from '../../src/session/series.js';
import { detectDepth, resolveDepth, stripAnsi, to256 } from '../../src/ui/color.js';
import { heatmapRows, pointMarks } from '../../src/ui/heatmap.js';
import { tokensOf, type KeyLike } from '../../src/ui/keys.js';

const noKey: KeyLike = { upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, return: false, escape: false, ctrl: false, tab: false, backspace: false, delete: false };

describe('heatmap rendering', () => {
  const run = new Run(prepareRuns(loadScenario('seed-or-unit'))[0]!);
  const data = run.spec.data;

  it('gives one row per cell row, each `cols` cells wide, with colour codes merged along the row', () => {
    const rows = heatmapRows({ model: run.model, data, cols: 40, rows: 12, depth: '256' });
    expect(rows).toHaveLength(12);
    for (const r of rows) expect([...stripAnsi(r)]).toHaveLength(40);
    const codes = rows.join('').split('\x1b[').length - 1;
    expect(codes).toBeLessThan(40 * 12 / 2);
  });

  it('without colour, marks classes and confidence with glyphs and shows the training points', () => {
    const rows = heatmapRows({ model: run.model, data, cols: 20, rows: 10, depth: 'none' });
    const text = rows.join('\n');
    expect(text).not.toContain('\x1b');
    expect(text).toMatch(/[░▒▓]/);
    expect(text).toMatch(/[·: ]/);
    expect((text.match(/o/g) ?? []).length).toBe(1);
    expect((text.match(/\+/g) ?? []).length).toBe(3);
  });

  it('places train marks over test marks', () => {
    const marks = pointMarks({ inputs: [[0, 0]], labels: [1], test: { inputs: [[0, 0]], labels: [0], targets: [[0]], classes: 2, inputEncoding: 'real', targetEncoding: 'binary', featureNames: ['x1', 'x2'] } }, { x: [-1, 1], y: [-1, 1] }, 4, 4);
    expect([...marks.values()]).toEqual(['+']);
  });
});

describe('the display series', () => {
  it('decimates the display series so memory stays flat, keeping the latest point', () => {
    const s = new DisplaySeries(64);
    for (let e = 0; e <= 10_000; e++) s.push({ epoch: e, loss: 1 / (e + 1), accuracy: 0.5 });
    expect(s.size).toBeLessThanOrEqual(64);
    expect(s.all().at(-1)!.epoch).toBe(10_000);
    expect(s.all()[0]!.epoch).toBe(0);
  });
});

describe('keys and colour', () => {
  it('splits batched input into one token per key', () => {
    expect(tokensOf('nn.', noKey)).toEqual(['n', 'n', '.']);
    expect(tokensOf('0.5\r', noKey)).toEqual(['0', '.', '5', 'enter']);
    expect(tokensOf('c', { ...noKey, ctrl: true })).toEqual(['ctrl-c']);
    expect(tokensOf('', { ...noKey, rightArrow: true })).toEqual(['right']);
  });
  it('detects the colour depth and honours NO_COLOR and the flag', () => {
    expect(detectDepth({ NO_COLOR: '1', COLORTERM: 'truecolor' }, true)).toBe('none');
    expect(detectDepth({ COLORTERM: 'truecolor' }, true)).toBe('truecolor');
    expect(detectDepth({ TERM: 'xterm-256color' }, true)).toBe('256');
    expect(detectDepth({ TERM: 'xterm' }, true)).toBe('16');
    expect(detectDepth({ TERM: 'xterm-256color' }, false)).toBe('none');
    expect(resolveDepth('16', { NO_COLOR: '1' }, true)).toBe('16');
    expect(to256([0, 0, 0])).toBeGreaterThanOrEqual(16);
  });
});

