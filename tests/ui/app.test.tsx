/**
 * The Ink layer: keys in, frames out through the screen writer onto a fake 100×30 terminal. The lessons themselves are
 * tested on the session (tests/session); here, that each key reaches the screen showing when its
 * turn comes and that the frames show what the session holds.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CURRICULUM } from '../../src/session/curriculum.js';
import { App } from '../../src/ui/App.js';
import { cleanup, KEY, mount, renderWithInkTesting } from './helpers.js';
import { screenProblems } from './screen-check.js';

afterEach(() => cleanup());

describe('timeline', () => {
  it('lists the eras from 1943 to 2012 with the winters, and opens an era\'s lab on its own model', async () => {
    const ui = mount(<App />);
    const f = await ui.waitText('1943');
    expect(f).toContain('McCulloch & Pitts');
    expect(f).toContain('2012');
    expect(f).toContain('❄ Minsky & Papert');
    expect(f).toContain('press t for the classroom tour');
    await ui.press('jjjjj');
    await ui.waitText('▶ 1986');
    await ui.press(KEY.enter);
    await ui.waitText('model 2-2-1 sigmoid net');
  });

  it('a burst of keys that opens a screen reaches that screen, key by key', async () => {
    const ui = mount(<App />);
    await ui.waitText('1943');
    // One write, as a paste or fast typing arrives: choose 1969, open its lab, run one epoch.
    await ui.press(`jjjj${KEY.enter}n`);
    await ui.waitText('perceptron-xor');
    await ui.waitFor((f) => /epoch 1 loss/.test(f), 'epoch 1 in the status bar');
  });

  it('q quits from the timeline', async () => {
    let quit = 0;
    const ui = mount(<App onQuit={() => quit++} />);
    await ui.waitText('1943');
    await ui.press('q');
    await ui.waitFor(() => quit === 1, 'quit');
  });
});

describe('one path to the screen', () => {
  it('rendered by ink-testing-library: Ink writes no frame of its own, its stdin drives the session, the screen writer draws', async () => {
    const { ink, text } = renderWithInkTesting(<App />);
    const until = async (pred: () => boolean, what: string): Promise<void> => {
      const end = Date.now() + 4000;
      while (!pred()) {
        if (Date.now() > end) throw new Error(`timed out waiting for ${what}:\n${text()}`);
        await new Promise((r) => setTimeout(r, 10));
      }
    };
    await until(() => text().includes('1943'), 'the timeline');
    await until(() => ink.stdin.listenerCount('readable') > 0, 'stdin listener');
    await new Promise((r) => setTimeout(r, 25));
    ink.stdin.write('jjjjj');
    await until(() => text().includes('▶ 1986'), '1986 selected');
    // everything on screen came through the writer: Ink's own frames are empty
    expect(ink.frames.every((f) => f.trim() === '')).toBe(true);
    expect(ink.lastFrame() ?? '').toBe('');
  });
});

describe('terminal size', () => {
  it('below 80×24 asks for a larger terminal, and carries on where it was when enlarged', async () => {
    const ui = mount(<App />);
    await ui.waitText('1943');
    await ui.press('jjjj');
    await ui.waitText('▶ 1969');
    ui.stdout.resize(70, 20);
    await ui.waitText('Please enlarge the terminal to at least 80×24 (it is 70×20).');
    ui.stdout.resize(100, 30);
    const f = await ui.waitText('▶ 1969');
    expect(f).not.toContain('enlarge');
  });
});

describe('lab', () => {
  const lab = () => mount(<App start={{ kind: 'lab', scenario: 'perceptron-xor' }} />);

  it('plays until the perceptron cycles on XOR, then shows the reason and the moral', async () => {
    const ui = lab();
    await ui.waitText('⏸ epoch 0');
    await ui.press(' ');
    const f = await ui.waitText('CYCLING the weights at epoch 3 equal those at epoch 2');
    expect(f).toContain('→ No weight vector separates XOR');
    expect(f).toContain('⏸ epoch 3');
  });

  it('n runs one epoch, r resets with the same seed, R takes the next seed', async () => {
    const ui = lab();
    await ui.waitText('⏸ epoch 0');
    await ui.press('n');
    await ui.waitText('⏸ epoch 1');
    await ui.press(KEY.right);
    await ui.waitText('⏸ epoch 2');
    await ui.press('r');
    await ui.waitFor((f) => f.includes('⏸ epoch 0') && f.includes('reset: same seed 1'), 'reset');
    await ui.press('R');
    await ui.waitFor((f) => f.includes('seed 2 │') && f.includes('new seed 2 (was 1)'), 'new seed');
  });

  it('a key rewrites only the rows it changed (no clear, far fewer rows than the screen has)', async () => {
    const ui = lab();
    await ui.waitText('⏸ epoch 0');
    ui.stdout.take();
    await ui.press('n');
    await ui.waitText('⏸ epoch 1');
    const written = ui.stdout.take();
    const rows = [...written.matchAll(/\x1b\[(\d+);1H/g)].map((m) => Number(m[1]));
    expect(written).not.toContain('\x1b[2J');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(29);
  });

  it('m switches model, g shows the gradient panel, c compares two models side by side, q closes it', async () => {
    const ui = lab();
    await ui.waitText('model perceptron (1/');
    await ui.press('m');
    await ui.waitText(/model \S+ \(tried on this data\) \(2\//);
    await ui.press('g');
    await ui.waitText('gradients: this model reports no per-layer gradients');
    await ui.press('c');
    const f = await ui.waitFor((x) => (x.match(/┌/g) ?? []).length >= 2, 'two panes');
    expect(f).toContain('claims:');
    await ui.press('q');
    await ui.waitFor((x) => !x.includes('┌'), 'compare closed');
    expect(ui.frame()).toContain('perceptron-xor');
  });

  it('? opens the help with every key, any key but the arrows closes it', async () => {
    const ui = lab();
    await ui.waitText('⏸ epoch 0');
    await ui.press('?');
    const f = await ui.waitText('Keys — ↑↓ scroll, any other key closes this help');
    for (const k of ['play / pause', 'one epoch', 'one pattern', 'new seed', 'edit parameters', 'compare', 'gradient panel', 'start the classroom tour', 'leave the tour']) expect(f).toContain(k);
    await ui.press('x');
    await ui.waitFor((x) => !x.includes('Keys — ↑↓ scroll'), 'help closed');
  });

  it('at 80×24 the help scrolls with ↑↓ to the keys that did not fit, whole at every step, and says how many are above', async () => {
    const ui = lab();
    ui.stdout.resize(80, 24);
    await ui.waitText('⏸ epoch 0');
    await ui.press('?');
    const first = await ui.waitText('Keys — ↑↓ scroll');
    // the last keys of the lab (the point cursor, undo) and the other screens' do not fit at first
    expect(first).not.toContain('add a point');
    expect(first).not.toContain('leave the replay');
    let f = first;
    for (let n = 1; n <= 60 && !(f.includes('add a point') && f.includes('leave the replay')); n++) {
      await ui.press(KEY.down);
      f = await ui.waitText(`↑ ${n} above`);
      expect(screenProblems(f.split('\n'), 80, 23), `scrolled ${n}`).toEqual([]);
    }
    expect(f).toContain('add a point');
    expect(f).toContain('network view');
    await ui.press(KEY.up);
    await ui.waitFor((x) => x.includes('Keys — ↑↓ scroll') && !x.includes(f.match(/↑ (\d+) above/)![0]), 'one entry back');
    await ui.press('q');
    await ui.waitFor((x) => !x.includes('Keys — ↑↓ scroll'), 'help closed');
    // the help opens at its top again
    await ui.press('?');
    const again = await ui.waitText('Keys — ↑↓ scroll');
    expect(again).not.toMatch(/↑ \d+ above/);
  });

  it('at 80×24 the parameter form says the selected field\'s words whole under the list, whose rows cut them', async () => {
    const ui = lab();
    ui.stdout.resize(80, 24);
    await ui.waitText('⏸ epoch 0');
    await ui.press('p');
    await ui.waitText('Parameters of perceptron');
    await ui.press(KEY.down);
    const f = await ui.waitText('rule: one of difference, mistake');
    // the row is cut at the width; the words under the list end as the schema's do
    expect(f).toMatch(/▶ rule +difference▏? +difference: w ← w \+ η\(t − o\)x \(the l[a-z]*…/);
    expect(f.replace(/[│\s]+/g, ' ')).toContain('mistake: w ← w + η·t·x only when o ≠ t (Rosenblatt, Fausett)');
    expect(screenProblems(f.split('\n'), 80, 23)).toEqual([]);
  });

  it('p opens a parameter form that rejects a bad value and applies a good one', async () => {
    const ui = lab();
    await ui.waitText('⏸ epoch 0');
    await ui.press('p');
    await ui.waitText('Parameters of perceptron');
    await ui.press(KEY.backspace, KEY.backspace, KEY.backspace, 'fast', KEY.enter);
    await ui.waitText('✗ learningRate: expected a number in [0, 100], got "fast"');
    await ui.press(KEY.backspace, KEY.backspace, KEY.backspace, KEY.backspace, '0.5', KEY.enter);
    const f = await ui.waitText('parameters applied to perceptron');
    expect(f).toContain('η = 0.5');
  });

  it('says clearly when a scenario does not exist', async () => {
    const ui = mount(<App start={{ kind: 'lab', scenario: 'not-written-yet' }} />);
    await ui.waitText('scenario "not-written-yet" is not available yet');
  });
});

describe('tour', () => {
  it('t starts the tour; Enter and ← move between stops; Esc leaves', async () => {
    const ui = mount(<App />);
    await ui.waitText('1943');
    await ui.press('t');
    await ui.waitText(`Tour 1/${CURRICULUM.length} · 1943`);
    await ui.press(KEY.enter);
    await ui.waitText(`Tour 2/${CURRICULUM.length} · 1949`);
    await ui.press(KEY.right);
    await ui.waitText(`Tour 3/${CURRICULUM.length} · 1958`);
    await ui.press(KEY.left);
    await ui.waitText(`Tour 2/${CURRICULUM.length}`);
    await ui.press(KEY.escape);
    await ui.waitText('▶ 1943');
  });
});
