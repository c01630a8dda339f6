/** The scenario picker, headless: every shipped scenario by year, one selected. */
import { loadAllScenarios } from '../scenarios/loader.js';
import { PICKER_KEYS, actionOf, type Token } from './keymaps.js';
import { EN_TR, type Tr } from '../i18n/index.js';

export interface PickerView {
  readonly kind: 'picker';
  readonly items: readonly { readonly id: string; readonly year: number; readonly title: string }[];
  readonly at: number;
}

export class Picker {
  readonly items: PickerView['items'];
  at: number;
  constructor(current: string | null, tr: Tr = EN_TR) {
    try {
      this.items = loadAllScenarios({ check: false }).map((s) => ({ id: s.id, year: s.year, title: tr.scenarioTitle(s.id, s.title) }));
    } catch (e) {
      this.items = [{ id: '', year: 0, title: (e as Error).message }];
    }
    this.at = Math.max(0, this.items.findIndex((s) => s.id === current));
  }

  /** Handles a key: the chosen id, 'cancel', or null to stay open. */
  key(t: Token): { open: string } | 'cancel' | null {
    const n = this.items.length;
    switch (actionOf(PICKER_KEYS, t)) {
      case 'cancel':
        return 'cancel';
      case 'up':
        this.at = (this.at + n - 1) % n;
        return null;
      case 'down':
        this.at = (this.at + 1) % n;
        return null;
      case 'open':
        return this.items[this.at]?.id ? { open: this.items[this.at]!.id } : null;
      default:
        return null;
    }
  }

  view(): PickerView {
    return { kind: 'picker', items: this.items, at: this.at };
  }
}
