import { Box, Text } from 'ink';
import { useRef } from 'react';
import { TOUR } from '../tour.js';
import { useKeys } from '../hooks/use-keys.js';
import type { Token } from '../keys.js';
import { Lab } from './Lab.js';

export interface TourProps {
  readonly stop: number;
  readonly onStop: (i: number) => void;
  readonly onLeave: () => void;
  readonly width: number;
  readonly height: number;
  readonly active: boolean;
}

export const TOUR_HINTS = '→/Enter next stop · ← previous · Esc leave · space play/pause · . pattern · c compare · ? help';

/** The classroom walk: each stop's narrative above its lab, which plays to the telling moment. */
export function Tour({ stop, onStop, onLeave, width, height, active }: TourProps) {
  const s = TOUR[stop]!;
  // Several keys may arrive before the next render: count from the stop already asked for.
  const at = useRef(stop);
  at.current = stop;
  const go = (i: number): void => {
    at.current = i;
    onStop(i);
  };
  const navigate = (t: Token): boolean => {
    if (t === 'right' || t === 'enter' || t === 'l') {
      if (at.current + 1 < TOUR.length) go(at.current + 1);
      else onLeave();
      return true;
    }
    if (t === 'left' || t === 'h') {
      if (at.current > 0) go(at.current - 1);
      return true;
    }
    if (t === 'escape' || t === 'q') {
      onLeave();
      return true;
    }
    return false;
  };
  // The tour listens itself (it outlives each stop's lab); the lab ignores the tour's keys.
  useKeys((t) => void navigate(t), active);
  const intercept = (t: Token): boolean => ['right', 'enter', 'l', 'left', 'h', 'escape', 'q'].includes(t);
  const top = (
    <Box flexDirection="column" height={4}>
      <Text bold wrap="truncate">
        <Text color="magenta">{`Tour ${stop + 1}/${TOUR.length} · `}</Text>
        {s.title}
      </Text>
      {s.narrative.map((line, i) => (
        <Text key={i} wrap="truncate-end">
          {line}
        </Text>
      ))}
    </Box>
  );
  return (
    <Lab
      key={stop}
      scenario={s.scenario}
      compare={Boolean(s.compare)}
      gradients={Boolean(s.gradients)}
      autoplay={!s.manual}
      {...(s.epochsPerSecond !== undefined ? { epochsPerSecond: s.epochsPerSecond } : {})}
      width={width}
      height={height}
      active={active}
      onBack={onLeave}
      intercept={intercept}
      top={top}
      topRows={4}
      hints={TOUR_HINTS}
    />
  );
}
