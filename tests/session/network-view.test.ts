/**
 * The network view's snapshot (issue 25): every unit, its bias and its map, every weight with its
 * sign and size as the model holds it, the selection and the opened unit, and for a net too wide
 * to draw the first units, the strongest weights and a count of what is left out. Computed once
 * per weights version; the arrows and Enter reach it only while it is on screen.
 */
import { describe, expect, it } from 'vitest';
import { AppSession } from '../../src/session/app.js';
import { LabSession } from '../../src/session/lab.js';
import type { FieldRequest } from '../../src/session/lane-view.js';
import { NetworkState, networkView, type NetRequest } from '../../src/session/network-view.js';
import { frame } from '../../src/ui/frame.js';

const NET: NetRequest = { tileCols: 6, tileRows: 3, perLayer: 8, edges: 48, detailCols: 20, detailRows: 10 };
const REQ: FieldRequest = { cols: 0, rows: 0, unitCols: 0, unitRows: 0, network: NET };

type Layers = readonly (readonly (readonly number[])[])[];

function spiralLab(epochs = 5): LabSession {
  const lab = new LabSession({ scenario: 'spiral-net', run: 'net' });
  for (let e = 0; e < epochs; e++) lab.lanes()[0]!.advance('epoch', false);
  return lab;
}

describe('the network view of the 2-4-4-1 spiral net', () => {
  const lab = spiralLab();
  const lane = lab.lanes()[0]!;
  const model = lane.run!.model;
  const W = (model.snapshot() as { layers: Layers }).layers;
  const net = lab.view(0, [REQ]).lanes[0]!.network!;

  it('has every layer and unit, named, with the biases the model holds', () => {
    expect(net.sizes).toEqual([2, 4, 4, 1]);
    expect(net.layers.map((l) => l.units.map((u) => u.name))).toEqual([['x1', 'x2'], ['h1.1', 'h1.2', 'h1.3', 'h1.4'], ['h2.1', 'h2.2', 'h2.3', 'h2.4'], ['o']]);
    expect(net.layers[0]!.units.map((u) => u.bias)).toEqual([null, null]);
    for (let k = 1; k < 4; k++) expect(net.layers[k]!.units.map((u) => u.bias)).toEqual(W[k - 1]!.map((row) => row[0]));
    expect(net.layers.map((l) => l.units.map((u) => u.quantity))).toEqual([['input', 'input'], Array(4).fill('activation'), Array(4).fill('activation'), ['net']]);
    expect(net.leftOut).toEqual({ units: 0, weights: 0 });
  });

  it('draws every weight with its sign and size, strongest first, on the scale of the largest', () => {
    expect(net.gaps.map((g) => [g.edges.length, g.total])).toEqual([[8, 8], [16, 16], [4, 4]]);
    net.gaps.forEach((g, k) => {
      for (const e of g.edges) expect(e.w).toBe(W[k]![e.to]![e.from + 1]);
      const sizes = g.edges.map((e) => Math.abs(e.w));
      expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    });
    expect(net.gaps.flatMap((g) => g.edges).some((e) => e.w < 0) && net.gaps.flatMap((g) => g.edges).some((e) => e.w > 0)).toBe(true);
    expect(net.maxAbs).toBe(Math.max(...W.flatMap((l) => l.flatMap((row) => row.slice(1).map(Math.abs)))));
  });

  it("maps each unit's value over the plane: the inputs, the hidden activations, the output's net input z", () => {
    const { domain } = net;
    // pixel (c, r) of a 6 × 3-cell tile: 6 × 6 pixels, centres across and down
    const c = 4;
    const r = 1;
    const x1 = domain.x[0] + ((c + 0.5) / 6) * (domain.x[1] - domain.x[0]);
    const x2 = domain.y[1] - ((r + 0.5) / 6) * (domain.y[1] - domain.y[0]);
    const i = r * 6 + c;
    const h = model.hidden!([x1, x2]);
    expect(net.layers[0]!.units[0]!.map!.values[i]).toBeCloseTo(x1, 6);
    expect(net.layers[0]!.units[1]!.map!.values[i]).toBeCloseTo(x2, 6);
    for (let k = 0; k < 2; k++) for (let j = 0; j < 4; j++) expect(net.layers[k + 1]!.units[j]!.map!.values[i]).toBeCloseTo(h[k]![j]!, 6);
    const out = W[2]![0]!;
    const z = out[0]! + h[1]!.reduce((s, a, m) => s + out[m + 1]! * a, 0);
    expect(net.layers[3]!.units[0]!.map!.values[i]).toBeCloseTo(z, 6);
    // z's colour scale is symmetric about 0: its colour is its sign
    const range = net.layers[3]!.units[0]!.map!.range!;
    expect(range[0]).toBe(-range[1]);
    expect(net.layers[1]!.units[0]!.map!.range).toBeNull();
  });

  it('selects with the arrows and opens with Enter: the incoming weights, every one, largest first, and the map large', () => {
    const app = new AppSession({ kind: 'lab', scenario: 'spiral-net', run: 'net' });
    frame(app, { columns: 160, rows: 45 }, 'none', 0);
    expect(app.lab!.network.shown).toBe(true);
    const epoch = app.lab!.lanes()[0]!.run!.epoch;
    for (const k of ['right', 'down', 'down', 'up', 'enter']) app.key(k);
    // the arrows moved the selection, not the run (→ is otherwise one epoch)
    expect(app.lab!.lanes()[0]!.run!.epoch).toBe(epoch);
    frame(app, { columns: 160, rows: 45 }, 'none', 0);
    const v = app.view(0, [REQ]).screen;
    const seen = v.kind === 'lab' ? v.lanes[0]!.network! : null;
    // from the default h1.1: → layer 2, ↓↓ unit 3, ↑ unit 2: h2.2, opened
    expect(seen?.selected).toEqual({ layer: 2, unit: 1 });
    const d = seen!.detail!;
    const w2 = (app.lab!.lanes()[0]!.run!.model.snapshot() as { layers: Layers }).layers[1]![1]!;
    expect(d.name).toBe('h2.2');
    expect(d.bias).toBe(w2[0]);
    expect(d.incoming.map((x) => x.w).sort()).toEqual(w2.slice(1).sort());
    expect(d.incoming.map((x) => Math.abs(x.w))).toEqual(w2.slice(1).map(Math.abs).sort((a, b) => b - a));
    expect(d.map!.cols).toBeGreaterThan(NET.tileCols);
    // Enter again closes it; v turns the view off and → plays an epoch again
    app.key('enter');
    frame(app, { columns: 160, rows: 45 }, 'none', 0);
    expect(app.lab!.network.open).toBe(false);
    app.key('v');
    frame(app, { columns: 160, rows: 45 }, 'none', 0);
    expect(app.lab!.network.shown).toBe(false);
    app.key('right');
    expect(app.lab!.lanes()[0]!.run!.epoch).toBe(epoch + 1);
  });

  it('is computed once per weights version: the same snapshot until the run moves', () => {
    const again = spiralLab(2);
    const a = again.view(0, [REQ]).lanes[0]!.network;
    expect(again.view(1, [REQ]).lanes[0]!.network).toBe(a);
    again.epoch();
    const b = again.view(2, [REQ]).lanes[0]!.network;
    expect(b).not.toBe(a);
    expect(b!.gaps[0]!.edges).not.toEqual(a!.gaps[0]!.edges);
  });
});

describe('the selection', () => {
  it('stays among the drawn units: into a one-unit layer it is that unit, past either end it stops', () => {
    const s = new NetworkState();
    s.perLayer = [2, 4, 4, 1];
    s.move(0, 3);
    expect([s.layer, s.unit]).toEqual([1, 3]);
    s.move(2, 0);
    expect([s.layer, s.unit]).toEqual([3, 0]);
    s.move(5, -5);
    expect([s.layer, s.unit]).toEqual([3, 0]);
    s.move(-9, 9);
    expect([s.layer, s.unit]).toEqual([0, 1]);
    // v: on when it is not on screen, off when it is (and an opened unit closes)
    s.shown = false;
    s.toggle();
    expect(s.mode).toBe('on');
    s.shown = true;
    s.open = true;
    s.toggle();
    expect([s.mode, s.open]).toEqual(['off', false]);
  });
});

describe('a net too wide to draw', () => {
  it('draws the first units of each layer and the strongest weights, and counts what is left out', () => {
    const lab = new LabSession({ scenario: 'spirals', run: 'mlp' });
    const net = lab.view(0, [{ ...REQ, network: { ...NET, perLayer: 6, edges: 10 } }]).lanes[0]!.network!;
    expect(net.sizes).toEqual([2, 32, 32, 1]);
    expect(net.layers.map((l) => l.units.length)).toEqual([2, 6, 6, 1]);
    expect(net.layers[1]!.units.at(-1)!.name).toBe('h1.6');
    expect(net.gaps.map((g) => g.edges.length)).toEqual([10, 10, 6]);
    expect(net.gaps.map((g) => g.total)).toEqual([64, 1024, 32]);
    expect(net.leftOut).toEqual({ units: 26 + 26, weights: 64 - 10 + 1024 - 10 + 32 - 6 });
    // the ten drawn between the two hidden layers are the strongest among the drawn units
    const W = (lab.lanes()[0]!.run!.model.snapshot() as { layers: Layers }).layers[1]!;
    const among = W.slice(0, 6).flatMap((row) => row.slice(1, 7).map(Math.abs)).sort((a, b) => b - a);
    expect(net.gaps[1]!.edges.map((e) => Math.abs(e.w))).toEqual(among.slice(0, 10));
  });

  it('is not offered for a model without hidden layers: v says so', () => {
    const app = new AppSession({ kind: 'lab', scenario: 'spiral-net', run: 'adaline' });
    app.key('v');
    const v = app.view(0).screen;
    expect(v.kind === 'lab' && v.message).toBe('network view: only for a layered net with hidden units on 2-D data');
    expect(networkView(app.lab!.lanes()[0]!.run!.model, app.lab!.lanes()[0]!.spec.data, NET, { layer: 0, unit: 0, open: false })).toBeNull();
  });
});
