import { Box, Text } from 'ink';
import { useRef, useState } from 'react';
import { expected, parseParamString } from '../../core/params.js';
import type { ParamSchema, ParamSpec, Params } from '../../core/types.js';
import { useKeys } from '../hooks/use-keys.js';
import type { Token } from '../keys.js';

export interface ParamFormProps {
  /** Whose parameters: shown in the title. */
  readonly title: string;
  readonly schema: ParamSchema;
  readonly values: Params;
  readonly onApply: (changed: Params) => void;
  readonly onCancel: () => void;
  /** Listen to keys. @default true */
  readonly active?: boolean;
}

/** A parameter's value as the text the form edits (the CLI's --param syntax). */
export function paramText(spec: ParamSpec, v: unknown): string {
  if (v === null || v === undefined) return spec.type === 'numbers' ? 'none' : '';
  if (Array.isArray(v)) return v.join(',');
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/** Validates the edited texts; returns the changed values, or the problems by key. */
export function validateForm(schema: ParamSchema, original: Readonly<Record<string, string>>, texts: Readonly<Record<string, string>>): { values: Params; errors: Map<string, string> } {
  const values: Record<string, unknown> = {};
  const errors = new Map<string, string>();
  for (const [key, spec] of Object.entries(schema)) {
    if (texts[key] === original[key]) continue;
    try {
      values[key] = parseParamString(key, spec, texts[key] ?? '');
    } catch (e) {
      errors.set(key, (e as Error).message);
    }
  }
  return { values: values as Params, errors };
}

function cycle(spec: ParamSpec, text: string, dir: 1 | -1): string {
  const options = spec.type === 'enum' ? spec.values : spec.type === 'boolean' ? ['false', 'true'] : null;
  if (!options) return text;
  const i = options.indexOf(text);
  return options[(i + dir + options.length) % options.length]!;
}

/** A form built from a plugin's parameter schema, validated with the same rules as --param. */
export function ParamForm({ title, schema, values, onApply, onCancel, active = true }: ParamFormProps) {
  const keys = Object.keys(schema);
  const [original] = useState(() => Object.fromEntries(keys.map((k) => [k, paramText(schema[k]!, values[k])])));
  const [texts, setTextsState] = useState<Record<string, string>>(original);
  // Tokens of one paste arrive before React re-renders: edits go through a ref first.
  const latest = useRef(texts);
  const setTexts = (f: (x: Record<string, string>) => Record<string, string>): void => {
    latest.current = f(latest.current);
    setTextsState(latest.current);
  };
  const cursor = useRef(0);
  const [at, setAtState] = useState(0);
  const setAt = (f: (a: number) => number): void => {
    cursor.current = f(cursor.current);
    setAtState(cursor.current);
  };
  const [errors, setErrors] = useState(new Map<string, string>());
  useKeys((t: Token) => {
    const key = keys[cursor.current]!;
    const spec = schema[key]!;
    if (t === 'escape') return onCancel();
    if (t === 'up') return setAt((a) => (a + keys.length - 1) % keys.length);
    if (t === 'down' || t === 'tab') return setAt((a) => (a + 1) % keys.length);
    if (t === 'left' || t === 'right') return setTexts((x) => ({ ...x, [key]: cycle(spec, x[key] ?? '', t === 'left' ? -1 : 1) }));
    if (t === 'backspace') return setTexts((x) => ({ ...x, [key]: (x[key] ?? '').slice(0, -1) }));
    if (t === 'enter') {
      const result = validateForm(schema, original, latest.current);
      setErrors(result.errors);
      if (result.errors.size === 0) onApply(result.values);
      return;
    }
    if (t.length === 1 && t >= ' ') setTexts((x) => ({ ...x, [key]: (x[key] ?? '') + t }));
  }, active);

  const key = keys[at]!;
  const width = Math.max(...keys.map((k) => k.length));
  return (
    <Box flexDirection="column" borderStyle="round" borderColor="cyan" paddingX={1}>
      <Text bold>{`Parameters of ${title}`}</Text>
      <Text dimColor>↑↓ field · type to edit · ←→ choose · Enter apply and restart · Esc cancel</Text>
      {keys.map((k, i) => (
        <Box key={k} flexDirection="column">
          <Text wrap="truncate">
            {i === at ? <Text color="cyan">{'▶ '}</Text> : '  '}
            {k.padEnd(width)}{' '}
            <Text inverse={i === at}>{` ${texts[k] ?? ''}${i === at ? '▏' : ''} `}</Text>
            <Text dimColor>{`  ${schema[k]!.help}`}</Text>
          </Text>
          {errors.has(k) ? <Text color="red">{`    ✗ ${errors.get(k)}`}</Text> : null}
        </Box>
      ))}
      <Text dimColor>{`${key}: ${expected(schema[key]!)}`}</Text>
    </Box>
  );
}
