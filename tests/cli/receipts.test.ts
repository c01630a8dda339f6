/** Receipts on the command line: verify --receipts (table and JSON), run's text and --json, info. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli-main.js';
import { bufferIo } from '../../src/commands/io.js';

async function cli(...argv: string[]) {
  const io = bufferIo();
  const code = await main(argv, io);
  return { code, out: io.stdout(), err: io.stderr() };
}

describe('receipts on the command line', () => {
  it('verify --receipts prints published beside ours with the verdict, and holds', async () => {
    const { code, out } = await cli('verify', '--receipts', 'mp-gates', 'perceptron-xor', 'xor-backprop');
    expect(code).toBe(0);
    const lines = out.split('\n');
    expect(lines[0]).toMatch(/^scenario\s+source\s+quantity\s+published\s+ours\s+verdict$/);
    expect(lines.find((l) => l.startsWith('perceptron-xor'))).toMatch(/Minsky & Papert 1969, .*\(figure not verified here\)\s+XOR patterns .*at most 3 of 4\s+0\.5 \(best share right over the whole run\)\s+matches, at most the bound ✓$/);
    expect(lines.find((l) => l.startsWith('xor-backprop'))).toMatch(/1,425 sweeps\s+211 sweeps \(XOR, .*\)\s+same kind: ours expected lower ✓$/);
    expect(lines.find((l) => l.includes('median over seeds'))).toMatch(/^xor-backprop .*1,425 sweeps\s+2,043\.5 sweeps \(median over seeds 1–50 of examples\/mirror-symmetry\.json .*\)\s+same kind: ours expected within a factor of 2 ✓$/);
    expect(out).toContain('5 receipts: 3 checked as matches (3 hold, 0 drifted), 2 same-kind or differs (shown, not checked)');
  });

  it('verify --receipts --json gives each receipt with the numbers and its line', async () => {
    const { code, out } = await cli('verify', '--receipts', 'perceptron-separable', '--json');
    expect(code).toBe(0);
    const doc = JSON.parse(out);
    expect([doc.ok, doc.receipts, doc.matches, doc.drifted]).toEqual([true, 1, 1, 0]);
    expect(doc.rows[0]).toMatchObject({ scenario: 'perceptron-separable', ours: 1, holds: true, receipt: { comparison: 'matches', relation: '<=' } });
    expect(doc.rows[0]).not.toHaveProperty('direction'); // a check that does not apply is left out, never a bare null
    expect(doc.rows[0].published).toBeCloseTo(13.149873310152666, 12);
  });

  it('a matches receipt that drifts fails verify, with and without --receipts', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ne-')), 'drift.json');
    const receipt = {
      source: { authors: 'Someone', year: 1958, where: 'p. 1', checked: 'not-verified' },
      published: { quantity: 'updates on AND', text: '9 updates', value: 9 },
      conditions: { data: 'AND', net: 'one unit', rule: 'perceptron', budget: 'one epoch' },
      ours: { run: 'perceptron', metric: 'updates', what: 'updates in one epoch' },
      comparison: 'matches',
      tolerance: 0.5,
    };
    writeFileSync(file, JSON.stringify({ id: 'drift', title: 't', era: '1958', year: 1958, story: ['s'], seed: 1, epochs: 1, data: { kind: 'gate', gate: 'AND', targets: 'bipolar' }, models: [{ model: 'perceptron', params: { learningRate: 0.05, weights: [-0.4, 0.6, 0.6] } }], claims: [], receipts: [receipt] }));
    const table = await cli('verify', '--receipts', file);
    expect(table.code).toBe(1);
    expect(table.out).toMatch(/9 updates\s+2 \(updates in one epoch\)\s+should match, within ± 0\.5: ✗ drifted/);
    expect(table.out).toContain('1 receipts: 1 checked as matches (0 hold, 1 drifted)');
    const claims = await cli('verify', file);
    expect(claims.code).toBe(1);
    expect(claims.out).toContain('✗  drift     receipt: published 9 updates (Someone 1958: updates on AND) · here 2 (updates in one epoch)');
  });

  it('run shows the receipts under the runs, and --json carries them', async () => {
    const text = await cli('run', 'hebb-and');
    expect(text.out).toContain('receipts: the published figure beside ours\n  published (b, w1, w2) = (−2, 2, 2), norm √12 (Fausett 1994: weights after one epoch, bipolar AND) · here 3.46 (norm of the weights after one epoch) · matches, within ± 1e−9 ✓');
    const json = JSON.parse((await cli('run', 'hebb-and', '--json')).out);
    expect(json.receipts).toHaveLength(2);
    expect(json.receipts[1]).toMatchObject({ holds: true, published: 1.7320508075688772, receipt: { source: { authors: 'Fausett', checked: 'not-verified' } } });
    expect(json.receipts[1].ours).toBeCloseTo(Math.sqrt(3), 15);
    expect(json.receipts[1].line).toMatch(/^published \(b, w1, w2\) = \(1, 1, 1\), norm √3 .* · matches, within ± 1e−9 ✓$/);
  });

  it('info lists a scenario\'s receipts with source, how it was checked, conditions and differences', async () => {
    const { code, out } = await cli('info', 'overfitting-dropout');
    expect(code).toBe(0);
    expect(out).toContain('receipts: the published figure beside ours (run or verify --receipts measures ours)');
    expect(out).toContain('  • published 1.35 % ÷ 1.60 % ≈ 0.84 (Srivastava et al. 2014: test error with dropout ÷ without, MNIST) · here … (not measured yet) (test error dropout ÷ plain, noisy moons, 2×64 ReLU) · same kind: ours expected within a factor of 2');
    expect(out).toContain('Table 2 (MNIST, standard net against dropout net) — figure not verified in the paper here; read in a secondary source: keplerc.com');
    expect(out).toContain('Hinton et al. 2012, Improving neural networks by preventing co-adaptation of feature detectors, arXiv:1207.0580: the MNIST results — figure not verified here: ');
    expect(out).toContain('      paper: data 60,000 MNIST digits; net fully connected nets (sizes not verified here); rule SGD with dropout; budget not verified here');
    expect(out).toContain('      here instead: a 2D task of 50 training points with label noise');
  });
});
