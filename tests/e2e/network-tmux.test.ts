/**
 * The network view and the mouse in a real terminal (issue 25): tmux on a private socket, the
 * built CLI with CI unset, the 2-4-4-1 spiral net at 160×45. The view is on screen by itself with
 * every unit's map and the weights; while the net trains its maps (their colours), its lines and
 * its biases change. SGR mouse reports sent as literal input add a point on the map (the note and
 * the training count say so, the map shows the point) and open a unit; mouse reporting is on while
 * the lab runs and off after it quits, and never asked for with --no-mouse.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIfStale, root, tmuxHarness } from './tmux-harness.js';

const t = tmuxHarness('neural-eras-net-');
const tmux = t.run;
const until = (target: string, what: string, probe: (s: string) => boolean, ms = 20_000): Promise<string> =>
  t.until(what, () => {
    const s = t.screen(target);
    return probe(s) && s;
  }, ms, target);
const flags = (target: string): string => tmux('display', '-p', '-t', target, '#{mouse_standard_flag} #{mouse_sgr_flag}').trim();
const lab = (target: string, extra = ''): void => {
  const cmd = `cd ${JSON.stringify(root)} && env -u CI TERM=xterm-256color ${JSON.stringify(process.execPath)} bin/neural-eras.js lab spiral-net --model net ${extra}; echo LEFT; sleep 30`;
  tmux('new-session', '-d', '-s', target, '-x', '160', '-y', '45', cmd);
};
/** The rows of the network view (from its header to its foot), with their colours. */
const netRows = (target: string): string[] => {
  const rows = tmux('capture-pane', '-e', '-p', '-t', target).split('\n');
  const from = rows.findIndex((r) => r.includes('network 2-4-4-1'));
  return rows.slice(from, from + 18);
};

beforeAll(buildIfStale);
afterAll(() => t.close());

describe('the network view and the mouse in tmux at 160×45 (lab spiral-net)', () => {
  it('shows every unit and the weights, updating while it trains; clicks add a point and open a unit; mouse reporting off after', async () => {
    lab('n');
    let s = await until('n', 'the network view', (x) => x.includes('network 2-4-4-1') && x.includes('h1.1 selected'));
    for (const u of ['x1', 'x2', 'h1.1', 'h1.4', 'h2.1', 'h2.4']) expect(s).toContain(u);
    expect([...s].filter((c) => c >= '\u2801' && c <= '\u28ff').length).toBeGreaterThan(200);
    expect(flags('n')).toBe('1 1');
    const before = netRows('n');
    // play: the maps, the lines and the biases change as the weights do
    tmux('send-keys', '-t', 'n', ' ');
    s = await until('n', 'epoch 20 or more', (x) => /epoch ([2-9]\d|\d{3}) loss/.test(x));
    tmux('send-keys', '-t', 'n', ' ');
    await until('n', 'paused', (x) => x.includes('⏸'));
    const after = netRows('n');
    const changed = before.filter((r, i) => r !== after[i]).length;
    expect(changed).toBeGreaterThan(10);
    expect(t.screen('n')).toMatch(/h1\.1 [+−]\d/);
    // a click on the map (its top-left region, below the view): a point of class 1 there
    const rows = t.screen('n').split('\n');
    const mapRow = rows.findIndex((r) => /epoch \d+ · loss/.test(r)) + 3;
    tmux('send-keys', '-t', 'n', '-l', `\x1b[<0;4;${mapRow + 1}M\x1b[<0;4;${mapRow + 1}m`);
    s = await until('n', 'the point added', (x) => x.includes('added a point of class 1'));
    expect(s).toContain('1 added by hand, 161 training points');
    expect(s).toMatch(/epoch 0 · loss/);
    // the map shows it: the class-1 training mark where it was clicked (within a cell: the map may
    // have been drawn again a row smaller, with the note's second line)
    const near = (screen: string): string => screen.split('\n').slice(mapRow - 1, mapRow + 2).map((r) => r.slice(1, 6)).join('');
    expect(near(rows.join('\n'))).not.toContain('+');
    expect(near(s)).toContain('+');
    // shift-click: the other class
    tmux('send-keys', '-t', 'n', '-l', `\x1b[<4;6;${mapRow + 2}M`);
    s = await until('n', 'the second point', (x) => x.includes('added a point of class 0'));
    expect(s).toContain('2 added by hand, 162 training points');
    // a click on h2.2's label opens it
    const line = s.split('\n').findIndex((r) => r.includes('h2.2 '));
    const col = s.split('\n')[line]!.indexOf('h2.2');
    tmux('send-keys', '-t', 'n', '-l', `\x1b[<0;${col + 2};${line + 1}M`);
    s = await until('n', 'h2.2 opened', (x) => x.includes('h2.2: its activation a = f(z)'));
    expect(s).toContain('4 incoming weights, largest |w| first:');
    // q back to the timeline, q quits: mouse reporting is off again
    tmux('send-keys', '-t', 'n', 'q');
    await until('n', 'the timeline', (x) => x.includes('1943'));
    tmux('send-keys', '-t', 'n', 'q');
    await until('n', 'the lab left', (x) => x.includes('LEFT'));
    expect(flags('n')).toBe('0 0');
  }, 90_000);

  it('--no-mouse: no mouse reporting asked for, the keys still do everything', async () => {
    lab('nm', '--no-mouse');
    await until('nm', 'the network view', (x) => x.includes('network 2-4-4-1'));
    expect(flags('nm')).toBe('0 0');
    tmux('send-keys', '-t', 'nm', 'a', 'Enter');
    await until('nm', 'a point by keyboard', (x) => x.includes('added a point of class 1'));
    tmux('send-keys', '-t', 'nm', 'C-c');
    await until('nm', 'the lab left', (x) => x.includes('LEFT'));
  }, 60_000);
});
