import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli-main.js';
import { bufferIo } from '../../src/commands/io.js';

async function json(...argv: string[]) {
  const io = bufferIo();
  const code = await main(['gradients', ...argv, '--json'], io);
  return { code, doc: code === 0 ? JSON.parse(io.stdout()) : null, err: io.stderr() };
}

describe('gradients', () => {
  it('shows the sigmoid first-to-last ratio orders of magnitude below ReLU at depth 10', async () => {
    const { code, doc } = await json('--depth', '10', '--activations', 'sigmoid,relu');
    expect(code).toBe(0);
    const { sigmoid, relu } = doc.activations;
    expect(sigmoid.layers).toHaveLength(11);
    expect(sigmoid.layers[0]).toEqual({ layer: 1, gradNorm: expect.any(Number), meanAbsDelta: expect.any(Number) });
    expect(sigmoid.ratio).toBeCloseTo(sigmoid.layers[0].gradNorm / sigmoid.layers[10].gradNorm, 12);
    expect(sigmoid.ratio).toBeLessThan(1e-4);
    expect(relu.ratio).toBeGreaterThan(1e-2);
    expect(relu.ratio / sigmoid.ratio).toBeGreaterThan(1000);
    // Through the sigmoid stack each layer's gradient is smaller than the next one's.
    for (let k = 0; k < 10; k++) expect(sigmoid.layers[k].gradNorm).toBeLessThan(sigmoid.layers[k + 1].gradNorm);
  });

  it('is deterministic and can train for a few epochs', async () => {
    const a = await json('--depth', '4', '--width', '6', '--activations', 'tanh', '--epochs', '2', '--seed', '3');
    const b = await json('--depth', '4', '--width', '6', '--activations', 'tanh', '--epochs', '2', '--seed', '3');
    expect(a.doc).toEqual(b.doc);
    expect(a.doc.activations.tanh.afterEpochs.layers).toHaveLength(5);
    expect(a.doc.activations.tanh.afterEpochs.epochs).toBe(2);
  });

  it.each([
    [['--activations', 'swish'], /unknown activation "swish"/],
    [['--depth', '0'], /--depth must be a whole number from 1 to 100/],
    [['--init', 'zeros'], /unknown initialisation "zeros"/],
    [['--data', 'mnist'], /unknown generator "mnist"/],
  ])('refuses %j with exit 2', async (argv, message) => {
    const r = await json(...argv);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });
});
