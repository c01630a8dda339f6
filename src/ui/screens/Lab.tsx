import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { LabPanel } from '../components/LabPanel.js';
import { StatusBar } from '../components/StatusBar.js';
import { useFrameMark } from '../hooks/use-frame-mark.js';
import { useKeys } from '../hooks/use-keys.js';
import { useLab } from '../hooks/use-lab.js';
import { SPEEDS, speedLabel, useTrainer } from '../hooks/use-trainer.js';
import type { Token } from '../keys.js';
import type { Seed } from '../session.js';
import { outcomeText } from '../trainer.js';
import { Compare } from './Compare.js';
import { ParamForm } from './ParamForm.js';
import { ScenarioPicker } from './ScenarioPicker.js';

export interface LabProps {
  readonly scenario: string;
  /** The run (or model) to show first. */
  readonly run?: string;
  readonly seed?: Seed;
  /** Open in compare mode. @default false */
  readonly compare?: boolean;
  /** Open with the gradient panel. @default false */
  readonly gradients?: boolean;
  /** Start playing at once (the tour). @default false */
  readonly autoplay?: boolean;
  /** Initial playing speed in epochs per second (one of SPEEDS). @default 10 */
  readonly epochsPerSecond?: number;
  readonly width: number;
  readonly height: number;
  readonly active: boolean;
  readonly onBack: () => void;
  /** Sees every key first; returns true when it used it (the tour's →, ←, Esc). */
  readonly intercept?: (t: Token) => boolean;
  /** Lines above the lab (the tour's narrative) and how many rows they take. */
  readonly top?: ReactNode;
  readonly topRows?: number;
  readonly hints?: string;
}

export const LAB_HINTS = 'space play · n/→ epoch · . pattern · +/- speed · r reset · R seed · m model · s scenario · p params · c compare · g grads · ? help · q back';

/** One model on one scenario (or two side by side), with its keys, dialogs and status bar. */
export function Lab(props: LabProps) {
  const { width, height, active, onBack, intercept, top, topRows = 0 } = props;
  useFrameMark();
  const lab = useLab({ scenario: props.scenario, ...(props.run ? { run: props.run } : {}), ...(props.seed !== undefined ? { seed: props.seed } : {}), compare: Boolean(props.compare), gradients: Boolean(props.gradients) });
  const speed = props.epochsPerSecond !== undefined ? SPEEDS.indexOf(props.epochsPerSecond as (typeof SPEEDS)[number]) : -1;
  const t = useTrainer(lab.specs, { autoplay: Boolean(props.autoplay), ...(speed >= 0 ? { speed } : {}) });
  const lanes = t.trainer.lanes;
  const main = lanes[0] ?? null;

  useKeys((token) => {
    if (intercept?.(token)) return;
    const act: Record<string, () => void> = {
      ' ': t.toggle,
      n: t.epoch,
      right: t.epoch,
      l: t.epoch,
      '.': t.pattern,
      '+': t.faster,
      '=': t.faster,
      '-': t.slower,
      _: t.slower,
      r: lab.reset,
      R: lab.reseed,
      m: lab.nextModel,
      s: () => lab.setDialog('scenario'),
      p: () => lab.setDialog('params'),
      c: () => lab.toggleCompare(),
      g: lab.toggleGradients,
      q: () => (lab.compare ? lab.toggleCompare(false) : onBack()),
      escape: () => (lab.compare ? lab.toggleCompare(false) : onBack()),
    };
    act[token]?.();
  }, active && lab.dialog === 'none');

  const bodyRows = Math.max(4, height - topRows - 7);
  const problem = lab.problem ?? (lab.scenario && !main ? 'this scenario has no runs' : null);
  let body: ReactNode;
  if (problem || !lab.scenario || !main) {
    body = (
      <Box flexDirection="column" height={bodyRows}>
        <Text color="red">{problem ?? 'no scenario'}</Text>
        <Text dimColor>press s to pick another scenario, q to go back</Text>
      </Box>
    );
  } else if (lab.dialog === 'params' && lab.choice) {
    const c = lab.choice;
    body = (
      <ParamForm
        title={`${c.spec.plugin.meta.id} (run ${c.id})`}
        schema={c.spec.plugin.meta.params}
        values={c.spec.params}
        onApply={(changed) => {
          lab.applyParams(c.id, changed);
          lab.setDialog('none');
        }}
        onCancel={() => lab.setDialog('none')}
        active={active}
      />
    );
  } else if (lanes.length > 1) {
    body = <Compare lanes={lanes} width={width} height={bodyRows} version={t.version} live={t.playing} gradients={lab.gradients} />;
  } else {
    body = <LabPanel lane={main} width={width} height={bodyRows} version={t.version} live={t.playing} gradients={lab.gradients} />;
  }
  if (lab.dialog === 'scenario') {
    body = (
      <ScenarioPicker
        current={lab.scenario?.id ?? null}
        rows={bodyRows}
        active={active}
        onCancel={() => lab.setDialog('none')}
        onPick={(id) => {
          lab.open(id);
          lab.setDialog('none');
        }}
      />
    );
  }

  const outcomes = lanes.map(outcomeText).filter((x): x is string => x !== null);
  // The telling moment: a run has reached its outcome and playing has stopped there.
  const done = !t.playing && lanes.some((l) => l.run?.done);
  const message = lanes.find((l) => l.error)?.error ?? (lanes.length === 1 ? outcomes[0] : null) ?? lab.note;
  const s = lab.scenario;
  const model = lab.choice ? `${lab.choice.label} (${lab.choices.indexOf(lab.choice) + 1}/${lab.choices.length})` : '';
  return (
    <Box flexDirection="column" width={width} height={height}>
      {top}
      <Text wrap="truncate" bold>
        <Text color="cyan">{s ? `${s.era} · ${s.title}` : props.scenario}</Text>
        <Text dimColor>{s ? ` · ${s.id} · model ${model}` : ''}</Text>
      </Text>
      <Box height={bodyRows} overflow="hidden">
        {body}
      </Box>
      <Box height={4} flexDirection="column" overflow="hidden">
        {message ? <Text wrap="wrap" color={done ? 'yellow' : undefined}>{message}</Text> : null}
        {done && s?.moral ? <Text wrap="wrap" color="green">{`→ ${s.moral}`}</Text> : null}
      </Box>
      <StatusBar run={main?.run ?? null} seed={lab.seed} speed={speedLabel(t.speed)} playing={t.playing} hints={props.hints ?? LAB_HINTS} width={width} />
    </Box>
  );
}
