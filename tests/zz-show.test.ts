import { it } from 'vitest';
import { AppSession } from '../src/session/app.js';
import { frame } from '../src/ui/frame.js';
import { flatten } from '../src/ui/layout/blocks.js';
import { stripAnsi } from '../src/ui/color.js';
it('shows', () => {
  const app = new AppSession({ kind: 'lab', scenario: process.env.SC ?? 'spiral-net' });
  for (const k of (process.env.KEYS ?? '').split(',').filter(Boolean)) app.key(k);
  for (const l of app.lab!.lanes()) for (let e = 0; e < Number(process.env.EP ?? 30); e++) l.advance('epoch', false);
  const [w, h] = (process.env.SIZE ?? '160x45').split('x').map(Number);
  flatten(frame(app, { columns: w!, rows: h! }, 'none', 0));
  for (const k of (process.env.KEYS2 ?? '').split(',').filter(Boolean)) app.key(k);
  console.log(flatten(frame(app, { columns: w!, rows: h! }, 'none', 0)).map(stripAnsi).join('\n'));
});
