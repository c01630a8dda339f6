/**
 * One gradient ratio per screen, and said when it was measured: the vanishing-gradients stop shows
 * the first/last ratio at initialisation once (the number its claims check, to the same digits),
 * and the bars say which epoch they show — no second ratio of another epoch, no rounder twin.
 */
import { describe, expect, it } from 'vitest';
import { short } from '../../src/core/format.js';
import { AppSession } from '../../src/session/app.js';
import { CURRICULUM } from '../../src/session/curriculum.js';
import { stripAnsi } from '../../src/ui/color.js';
import { frame } from '../../src/ui/frame.js';
import { flatten } from '../../src/ui/layout/blocks.js';

describe('the vanishing-gradients stop', () => {
  it('states one first/last ratio, at initialisation, and labels the bars with their epoch', { timeout: 60_000 }, () => {
    const app = new AppSession({ kind: 'tour', stop: CURRICULUM.findIndex((s) => s.scenario === 'vanishing-gradients') });
    const lab = app.lab!;
    let t = 0;
    while (lab.playing && t < 600_000) lab.tick((t += 33));
    const [sigmoid] = lab.view(t).lanes;
    const g = sigmoid!.grads!;
    expect(short(g.startRatio!)).toBe('1.65e−7');
    for (const [columns, rows] of [[160, 45], [200, 60]] as const) {
      const text = flatten(frame(app, { columns, rows }, 'none', 1e9)).map(stripAnsi).join('\n').replace(/\s+/g, ' ');
      expect(text).toContain("At initialisation (epoch 0), with sigmoid the first layer receives 1.65 × 10⁻⁷ of the last layer's gradient");
      expect(text).toContain(`‖∂J/∂W‖ at epoch ${sigmoid!.epoch}, log scale`);
      // no ratio of the epoch on screen beside it, and no rounder twin of the one at initialisation
      expect(text).not.toContain(short(g.nowRatio!));
      expect(text).not.toContain('2 × 10⁻⁷');
      expect(text).not.toContain('first/last');
    }
  });
});
