import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/ui/App.js';
import { cleanup, mount } from './helpers.js';

afterEach(() => cleanup());

/** Frames as plain text (colours stripped, no colour depth: shading glyphs), at 100×30. */
describe('snapshots at a fixed seed', () => {
  it('timeline', async () => {
    const ui = mount(<App />);
    expect(await ui.waitText('▶ 1943')).toMatchSnapshot();
  });

  it('a lab frame: the worked perceptron epoch after two single updates', async () => {
    const ui = mount(<App start={{ kind: 'lab', scenario: 'seed-perceptron-epoch' }} seed={1} />);
    await ui.waitText('⏸ epoch 0');
    await ui.press('.', '.');
    expect(await ui.waitText('⏸ epoch 0+2')).toMatchSnapshot();
  });
});
