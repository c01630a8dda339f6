/**
 * The pace shown is the pace played: when training cannot keep up with the setting (a slow model,
 * a busy machine), the status bar says the measured pace beside the setting. Driven by fake clocks:
 * the lab's tick time, and a training clock that says how long each epoch took.
 */
import { describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n/index.js';
import { LabSession } from '../../src/session/lab.js';

/** A lab at 100 epochs a second whose every epoch "takes" `msPerEpoch` of the training clock. */
function playFor(ticks: number, msPerEpoch: number, lang: 'en' | 'ko' = 'en'): { lab: LabSession; paces: string[]; epochs: number } {
  let clock = 0;
  const lab = new LabSession({ scenario: 'xor-backprop', run: 'mlp-backprop', autoplay: true, pace: { unit: 'epoch', perSecond: 100 }, clock: () => (clock += msPerEpoch), tr: translator(lang) });
  const paces: string[] = [];
  let t = 0;
  for (let i = 0; i < ticks && lab.playing; i++) {
    lab.tick((t += 33));
    paces.push(lab.view(t).pace);
  }
  return { lab, paces, epochs: lab.lanes()[0]!.run!.epoch };
}

describe('the pace shown is the pace played', () => {
  it('training too slow for the setting: the measured pace, and the setting beside it', () => {
    // each epoch takes 20 ms of a 22 ms slice: two epochs per 33 ms tick, ~61 a second instead of 100
    const { paces, epochs } = playFor(40, 20);
    expect(paces[0]).toBe('100 epochs/s');
    expect(paces.at(-1)).toBe('~61 epochs/s (set 100)');
    // the numbers it says are the numbers it played: 2 epochs a tick over 40 ticks of 33 ms
    expect(epochs).toBe(80);
    expect(Math.round((epochs - 2) / ((40 - 1) * 0.033))).toBe(61);
  });

  it('training that keeps up shows the setting alone', () => {
    const { paces } = playFor(40, 0);
    expect(new Set(paces)).toEqual(new Set(['100 epochs/s']));
  });

  it('in Korean too', () => {
    expect(playFor(40, 20, 'ko').paces.at(-1)).toBe('약 초당 61에폭 (설정 100)');
  });

  it('at max the measured pace is shown', () => {
    let clock = 0;
    const lab = new LabSession({ scenario: 'xor-backprop', run: 'mlp-backprop', autoplay: true, pace: { unit: 'epoch', perSecond: Infinity }, clock: () => (clock += 11) });
    let t = 0;
    for (let i = 0; i < 40; i++) lab.tick((t += 33));
    // 11 ms an epoch in a 22 ms slice: 2 epochs every 33 ms
    expect(lab.view(t).pace).toBe('max (~61 epochs/s)');
  });
});
