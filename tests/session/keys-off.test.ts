/**
 * No footer hint offers what the screen cannot do: the keys that would only say "not here" (the
 * network view of a net it cannot draw, the data keys on data that is not a generated 2-D set,
 * points on data that takes none, η for models without a live learning rate) are the view's
 * keysOff, each because its own handler refuses it there, and the footer leaves their hints out.
 */
import { describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n/index.js';
import { AppSession } from '../../src/session/app.js';
import { LAB_KEYS, TOUR_LAB_KEYS, type LabAction } from '../../src/session/keymaps.js';
import { stripAnsi } from '../../src/ui/color.js';
import { frame } from '../../src/ui/frame.js';
import { flatten } from '../../src/ui/layout/blocks.js';

const en = translator('en');
const lab = (scenario: string, run?: string) => new AppSession({ kind: 'lab', scenario, ...(run ? { run } : {}) });
const off = (app: AppSession): LabAction[] => [...app.lab!.view(0).keysOff].sort();
const footer = (app: AppSession, w = 200, h = 50): string => flatten(frame(app, { columns: w, rows: h }, 'none', 0)).map(stripAnsi).filter((l) => l.trim()).at(-1)!;
const keyOf = (action: LabAction): string => LAB_KEYS.find((b) => b.action === action)!.keys[0]!;

/** What each refused key says instead (the handler's own note), by action. */
const REFUSAL: Record<string, (said: string) => boolean> = {
  network: (said) => said === en.t('net.unavailable'),
  eta: (said) => said === en.t('note.etaNone'),
  data: (said) => said.startsWith(en.t('note.dataUnavailable', { kind: '' }).split(' trains on')[0]!),
  points: (said) => said === en.t('points.unavailable') || said === en.t('points.regression'),
  none: (said) => said === en.t('points.none'),
};
const kindOf = (action: LabAction): string =>
  action === 'network' ? 'network' : action.startsWith('eta') ? 'eta' : ['cursor', 'pointClass'].includes(action) ? 'points' : action === 'removePoint' ? 'none' : 'data';

describe('keys that can do nothing here', () => {
  it('McCulloch-Pitts on the gates: no network view, no data keys, no points, no η', () => {
    const app = lab('mp-gates');
    expect(off(app)).toEqual(['cursor', 'etaDown', 'etaUp', 'features', 'network', 'newData', 'noiseDown', 'noiseUp', 'pointClass', 'removePoint', 'testDown', 'testUp'].sort());
    const hints = footer(app);
    for (const h of ['v net', '< > η', '[ ] noise', 'd data', 'a point', 'u unpoint']) expect(hints).not.toContain(h);
    // what is left is still there
    expect(hints).toContain('space play');
    expect(hints).toContain('? help');
  });

  it('the spiral net on its generated points: every key works, but undo before a point was added', () => {
    const app = lab('spiral-net');
    expect(off(app)).toEqual(['removePoint']);
    expect(footer(app, 250)).toContain('v net');
    app.key('a');
    app.key('enter');
    expect(app.lab!.added).toHaveLength(1);
    expect(off(app)).toEqual([]);
  });

  it('every key left out refuses itself when pressed: the view and the handler agree', () => {
    for (const [scenario, run] of [['mp-gates'], ['perceptron-xor'], ['digits-challenge', 'lecun-1989'], ['xor-backprop', 'mlp-backprop']] as const) {
      const app = lab(scenario, run);
      const shareBefore = app.lab!.view(0).share;
      const keys = off(app);
      for (const action of keys) {
        app.key(keyOf(action));
        const kind = kindOf(action);
        expect(REFUSAL[kind]!(app.lab!.note ?? ''), `${scenario}: ${action} said "${app.lab!.note}"`).toBe(true);
        expect(app.lab!.state.cursor, `${scenario}: ${action}`).toBeNull();
      }
      // nothing was changed by them: the same setting, so the same share string
      expect(app.lab!.view(0).share, scenario).toBe(shareBefore);
    }
  });

  it('in Korean the hints left are Korean, and the ones left out stay out', () => {
    const ko = translator('ko');
    const app = new AppSession({ kind: 'lab', scenario: 'mp-gates' }, undefined, undefined, ko);
    const hints = footer(app);
    expect(hints).toContain(ko.key('lab', 'toggle', { help: '', hint: 'space play' }).hint);
    expect(hints).not.toContain('space play');
    expect(hints).not.toContain(ko.key('lab', 'network', { help: '', hint: 'v net' }).hint);
    const tour = new AppSession({ kind: 'tour' }, undefined, undefined, ko);
    expect(footer(tour)).toContain(ko.key('lab', 'toggle', { help: '', hint: 'space play' }).hint);
  });

  it('the tour has no point keys: a stop keeps its data', () => {
    expect(TOUR_LAB_KEYS.map((b) => b.action)).not.toContain('cursor');
    expect(TOUR_LAB_KEYS.map((b) => b.action)).not.toContain('removePoint');
    const tour = new AppSession({ kind: 'tour' });
    expect(footer(tour)).not.toContain('a point');
  });
});
