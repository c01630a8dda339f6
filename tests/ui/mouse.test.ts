/**
 * Mouse input (issue 25): SGR reports parsed out of the input (never taken as keys), a click
 * resolved against the frame on screen — the map adds a point of the selected class there (shift:
 * the other), a unit of the network view opens — and points by hand on the data: encoded as the
 * generator encodes its rows, the runs restarted on them, removed again to the same run bit for bit.
 */
import { describe, expect, it } from 'vitest';
import { AppSession } from '../../src/session/app.js';
import { withPoints } from '../../src/data/added-points.js';
import { LabSession } from '../../src/session/lab.js';
import { frame } from '../../src/ui/frame.js';
import { leafAt, type Block, type Hit } from '../../src/ui/layout/blocks.js';
import { click, parseMouse } from '../../src/ui/mouse.js';

describe('parsing SGR mouse reports', () => {
  it('takes every report out of the input and leaves the keys in order', () => {
    const r = parseMouse('a\x1b[<0;12;7Mb\x1b[<0;12;7m\x1b[<4;3;40M\x1b[A');
    expect(r.rest).toBe('ab\x1b[A');
    expect(r.events).toEqual([
      { button: 0, x: 12, y: 7, press: true, shift: false },
      { button: 0, x: 12, y: 7, press: false, shift: false },
      { button: 0, x: 3, y: 40, press: true, shift: true },
    ]);
    expect(r.held).toBe('');
  });

  it('holds a report cut at the end of a chunk for the next one, but not a lone Esc (a key)', () => {
    const a = parseMouse('n\x1b[<0;5');
    expect(a).toEqual({ events: [], rest: 'n', held: '\x1b[<0;5' });
    const b = parseMouse(`${a.held};9M`);
    expect(b.events).toEqual([{ button: 0, x: 5, y: 9, press: true, shift: false }]);
    expect(b.rest).toBe('');
    expect(parseMouse('\x1b')).toEqual({ events: [], rest: '\x1b', held: '' });
    // motion and the wheel are reports too, but not presses of the left button
    const w = parseMouse('\x1b[<64;5;5M\x1b[<32;5;5M');
    expect(w.rest).toBe('');
    expect(w.events.map((e) => [e.button, e.press])).toEqual([[64, true], [0, false]]);
  });
});

/** The first cell (x, y from 1) of the frame whose leaf answers a click of this kind. */
function cellOf(block: Block, kind: 'map' | 'net', inner = (_x: number, _y: number) => true): { x: number; y: number } {
  for (let y = 0; y < block.height; y++) for (let x = 0; x < block.width; x++) {
    const at = leafAt(block, x, y);
    if (at?.leaf.hit?.kind === kind && inner(at.x, at.y)) return { x: x + 1, y: y + 1 };
  }
  throw new Error(`no ${kind} on screen`);
}

describe('a click on the frame', () => {
  it('on the map adds a point of the selected class where it was clicked (shift: the other); the runs restart on it', () => {
    const app = new AppSession({ kind: 'lab', scenario: 'spiral-net', run: 'net' });
    app.lab!.lanes()[0]!.advance('epoch', false);
    const block = frame(app, { columns: 100, rows: 30 }, 'none', 0);
    const { x, y } = cellOf(block, 'map', (cx, cy) => cx === 3 && cy === 2);
    const hit = leafAt(block, x - 1, y - 1)!.leaf.hit as Extract<Hit, { kind: 'map' }>;
    expect(click(app, block, { button: 0, x, y, press: true, shift: false })).toBe(true);
    const d = hit.domain;
    const p = app.lab!.added[0]!;
    // the centre of the cell clicked, kept to 4 significant digits (as the share string carries it)
    expect(p.x1).toBe(Number((d.x[0] + (3.5 / hit.cols) * (d.x[1] - d.x[0])).toPrecision(4)));
    expect(p.x2).toBe(Number((d.y[1] - (2.5 / hit.rows) * (d.y[1] - d.y[0])).toPrecision(4)));
    expect(p.label).toBe(1);
    const lane = app.lab!.lanes()[0]!;
    expect(lane.spec.data.inputs.length).toBe(161);
    expect(lane.spec.data.inputs.at(-1)).toEqual([p.x1, p.x2]);
    expect(lane.spec.data.targets.at(-1)).toEqual([1]); // bipolar targets: class 1 is +1
    expect(lane.run!.epoch).toBe(0);
    // shift: the other class (−1); a release or another button does nothing
    click(app, block, { button: 0, x, y, press: true, shift: true });
    expect(app.lab!.added.map((q) => q.label)).toEqual([1, 0]);
    expect(app.lab!.lanes()[0]!.spec.data.targets.at(-1)).toEqual([-1]);
    expect(click(app, block, { button: 0, x, y, press: false, shift: false })).toBe(false);
    expect(click(app, block, { button: 2, x, y, press: true, shift: false })).toBe(false);
    const v = app.view(0).screen;
    expect(v.kind === 'lab' && v.message).toMatch(/^added a point of class 0 at .*: 2 added by hand, 162 training points/);
  });

  it('on a unit of the network view opens it', () => {
    const app = new AppSession({ kind: 'lab', scenario: 'spiral-net', run: 'net' });
    const block = frame(app, { columns: 160, rows: 45 }, 'none', 0);
    const net = cellOf(block, 'net', () => true);
    const at = leafAt(block, net.x - 1, net.y - 1)!;
    const units = (at.leaf.hit as Extract<Hit, { kind: 'net' }>).units;
    const h22 = units.find((u) => u.layer === 2 && u.unit === 1)!;
    expect(click(app, block, { button: 0, x: net.x - at.x + h22.col + 2, y: net.y - at.y + h22.row + 1, press: true, shift: false })).toBe(true);
    expect([app.lab!.network.layer, app.lab!.network.unit, app.lab!.network.open]).toEqual([2, 1, true]);
  });
});

describe('points by hand', () => {
  it('are encoded as the data set encodes its rows: feature inputs computed from the point, one-hot targets', () => {
    const lab = new LabSession({ scenario: 'features-not-depth', run: 'squares' });
    const data = lab.lanes()[0]!.spec.data;
    const more = withPoints(data, [{ x1: 0.5, x2: -2, label: 1 }]);
    expect(more.inputs.at(-1)).toEqual([0.25, 4]);
    expect(more.lifted!.points.at(-1)).toEqual([0.5, -2]);
    expect(more.labels.length).toBe(data.labels.length + 1);
    const multi = new LabSession({ scenario: 'multiclass-softmax' }).lanes()[0]!.spec.data;
    expect(withPoints(multi, [{ x1: 0, x2: 0, label: 2 }]).targets.at(-1)).toEqual([0, 0, 1]);
  });

  it('by keyboard: a, the arrows, Enter; u removes the last and the run is the one without it, bit for bit', () => {
    const app = new AppSession({ kind: 'lab', scenario: 'spiral-net', run: 'net' });
    const fresh = new LabSession({ scenario: 'spiral-net', run: 'net' });
    fresh.epoch();
    frame(app, { columns: 100, rows: 30 }, 'none', 0);
    for (const k of ['a', 'left', 'up', 'x', 'enter']) app.key(k);
    expect(app.lab!.added).toHaveLength(1);
    expect(app.lab!.added[0]!.label).toBe(0);
    // the arrows moved the cursor, not the run or the network view
    expect(app.lab!.cursor).not.toBeNull();
    app.key('a');
    app.key('u');
    expect(app.lab!.added).toHaveLength(0);
    app.key('n');
    expect(app.lab!.lanes()[0]!.run!.history.at(-1)!.loss).toBe(fresh.lanes()[0]!.run!.history.at(-1)!.loss);
    const v = app.view(0).screen;
    expect(v.kind === 'lab' && v.message).toBe('removed the last point added by hand: 0 left, 160 training points; the runs restart');
  });

  it('are refused on regression data and said so', () => {
    const app = new AppSession({ kind: 'lab', scenario: 'playground-regression' });
    app.key('a');
    expect(app.lab!.cursor).toBeNull();
    const v = app.view(0).screen;
    expect(v.kind === 'lab' && v.message).toBe('points by hand: only for class data (the targets of a regression set are numbers)');
  });
});
