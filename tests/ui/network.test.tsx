/**
 * The network view in the Ink layer (issue 25) at 160×45, 100×30 and 80×24: on by itself at the
 * projector size, asked for with v below it, degraded by the priority layout and whole (no line
 * too wide, no frame too tall, every box closed) at each size; Enter opens a unit.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/ui/App.js';
import { cleanup, KEY, mount } from './helpers.js';
import { screenProblems } from './screen-check.js';

afterEach(() => cleanup());

async function at(columns: number, rows: number) {
  const ui = mount(<App start={{ kind: 'lab', scenario: 'spiral-net', run: 'net' }} />);
  ui.stdout.resize(columns, rows);
  await ui.waitText('2-4-4-1 spiral net');
  const whole = (f: string): void => expect(screenProblems(f.split('\n'), columns, rows - 1)).toEqual([]);
  return { ui, whole };
}

const UNITS = ['x1', 'x2', 'h1.1', 'h1.2', 'h1.3', 'h1.4', 'h2.1', 'h2.2', 'h2.3', 'h2.4', 'o '];
const braille = (f: string): number => [...f].filter((c) => c >= '\u2801' && c <= '\u28ff').length;

describe('the network view of the 2-4-4-1 spiral net', () => {
  it('shows by itself at 160×45: every unit with its bias, the weights as lines, the map and the curves still there', async () => {
    const { ui, whole } = await at(160, 45);
    const f = await ui.waitText('network 2-4-4-1');
    for (const u of UNITS) expect(f).toContain(u);
    expect(f).toMatch(/h1\.1 [+−]?\d/);
    expect(braille(f)).toBeGreaterThan(100);
    expect(f).toContain('h1.1 selected');
    // the rest of the lab is still on screen: numbers, map legend, the key hints with the view's keys
    expect(f).toMatch(/epoch 0 · loss/);
    expect(f).toContain('o + train');
    expect(f).toContain('←→↑↓ unit');
    whole(f);
    // v turns it off; the lab is whole without it
    await ui.press('v');
    const off = await ui.waitFor((x) => !x.includes('network 2-4-4-1'), 'the view gone');
    whole(off);
  });

  it('at 100×30 and 80×24 comes with v and degrades by the layout, nothing broken; Enter opens a unit', async () => {
    for (const [w, h] of [[100, 30], [80, 24]] as const) {
      const { ui, whole } = await at(w, h);
      expect(ui.frame()).not.toContain('network 2-4-4-1');
      await ui.press('v');
      const f = await ui.waitText('network 2-4-4-1');
      for (const u of UNITS) expect(f).toContain(u);
      // the verdict line, the status bar and the footer stay
      expect(f).toContain('training… epoch 0');
      expect(f).toMatch(/seed 1/);
      whole(f);
      await ui.press(KEY.right, KEY.down, KEY.enter);
      const open = await ui.waitText('h2.2: its activation a = f(z)');
      expect(open).toContain('4 incoming weights, largest |w| first:');
      expect(open).toMatch(/h1\.\d +[+−]\d/);
      whole(open);
      cleanup();
    }
  });

  it('side by side (tour stop 7: linear beside sigmoid hidden units), v tops both panes with their nets, whole at 160×45, 100×30 and 80×24', async () => {
    for (const [w, h] of [[160, 45], [100, 30], [80, 24]] as const) {
      const ui = mount(<App start={{ kind: 'tour', stop: 6 }} />);
      ui.stdout.resize(w, h);
      await ui.waitText('2-4-4-1, sigmoid hidden units');
      await ui.press('v');
      const f = await ui.waitFor((x) => x.split('network 2-4-4-1').length === 3, 'both panes with their network view');
      expect(screenProblems(f.split('\n'), w, h - 1)).toEqual([]);
      expect(f).toContain('h1.1 selected');
      if (w >= 160) expect(braille(f)).toBeGreaterThan(100);
      // v again: both views gone, the comparison stays
      await ui.press('v');
      const off = await ui.waitFor((x) => !x.includes('network 2-4-4-1'), 'the views gone');
      expect(off).toContain('2-4-4-1, linear hidden units');
      expect(screenProblems(off.split('\n'), w, h - 1)).toEqual([]);
      cleanup();
    }
  });
});
