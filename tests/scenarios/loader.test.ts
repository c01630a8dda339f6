import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema } from '../../src/scenarios/json-schema.js';
import { loadScenario, loadScenarioFile, parseScenario, scenariosDir, ScenarioError } from '../../src/scenarios/loader.js';

const base = {
  id: 'x',
  title: 'A test',
  era: '1958',
  year: 1958,
  story: ['One sentence.'],
  seed: 1,
  epochs: 10,
  data: { kind: 'gate', gate: 'XOR' },
  models: [{ model: 'perceptron' }, { id: 'p2', model: 'perceptron', params: { learningRate: 0.5 } }],
  claims: [{ run: 'perceptron', outcome: 'cycling' }],
};
const tweak = (f: (s: any) => void) => {
  const s = structuredClone(base) as any;
  f(s);
  return s;
};

describe('scenario loader', () => {
  it('accepts a well-formed scenario and fills defaults', () => {
    const s = parseScenario(base, 'x.json');
    expect(s.runs.map((r) => r.id)).toEqual(['perceptron', 'p2']);
    expect(s.runs[1]!.params['learningRate']).toBe(0.5);
    expect(s.runs[0]!.params['learningRate']).toBe(0.1);
  });

  const bad: [string, any, string][] = [
    ['a wrong parameter type', tweak((s) => (s.models[1].params.learningRate = 'fast')), 'xor.json: models[1].params.learningRate: expected a number in [0, 100], got "fast"'],
    ['an unknown parameter', tweak((s) => (s.models[0].params = { eta: 1 })), 'xor.json: models[0].params.eta: unknown parameter of perceptron; did you mean "theta"? (known: learningRate'],
    ['an unknown model', tweak((s) => (s.models[0].model = 'transformer')), 'xor.json: models[0].model: unknown model "transformer"; known models: adaline'],
    ['a missing title', tweak((s) => delete s.title), 'xor.json: title:'],
    ['an epoch budget that is not a number', tweak((s) => (s.epochs = 'ten')), 'xor.json: epochs: expected number'],
    ['a negative budget', tweak((s) => (s.epochs = -1)), 'xor.json: epochs:'],
    ['an unknown gate', tweak((s) => (s.data.gate = 'MAYBE')), 'xor.json: data.gate:'],
    ['an unknown data kind', tweak((s) => (s.data = { kind: 'mnist' })), "xor.json: data.kind: Invalid discriminator value. Expected 'gate' | 'parity'"],
    ['an unknown top-level field', tweak((s) => (s.colour = 'red')), 'xor.json: unknown field "colour"'],
    ['no models', tweak((s) => (s.models = [])), 'xor.json: models:'],
    ['a duplicated run id', tweak((s) => (s.models[1].id = 'perceptron')), 'xor.json: models[1].id: "perceptron" is used twice'],
    ['a claim about a missing run', tweak((s) => (s.claims[0].run = 'mlp')), 'xor.json: claims[0]: names run "mlp", which is not in models'],
    ['a claim with no assertion', tweak((s) => (s.claims[0] = { run: 'perceptron' })), 'xor.json: claims[0]: a claim needs exactly one of'],
    ['a metric claim without bounds', tweak((s) => (s.claims[0] = { run: 'perceptron', metric: 'accuracy' })), 'xor.json: claims[0].metric: a metric claim needs "min" and/or "max"'],
    ['a versus claim without a relation', tweak((s) => (s.claims[0] = { run: 'perceptron', metric: 'mistakes', versus: 'mistakeBound' })), 'xor.json: claims[0].versus: a comparison needs "metric" and "relation"'],
    ['two assertions in one claim', tweak((s) => (s.claims[0] = { run: 'perceptron', outcome: 'solved', nets: [0] })), 'xor.json: claims[0]: a claim needs exactly one of'],
    ['an unknown outcome', tweak((s) => (s.claims[0].outcome = 'won')), 'xor.json: claims[0].outcome:'],
    ['a bad per-run data override', tweak((s) => (s.models[0].data = { targets: 'ternary' })), 'xor.json: models[0].data: targets:'],
  ];
  it.each(bad)('names the file and field path for %s', (_what, json, message) => {
    expect(() => parseScenario(json, 'xor.json')).toThrow(ScenarioError);
    expect(() => parseScenario(json, 'xor.json')).toThrow(message);
  });

  it('reports unreadable files and broken JSON without a stack trace', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ne-'));
    expect(() => loadScenarioFile(join(dir, 'missing.json'))).toThrow(/missing\.json: cannot read the file \(ENOENT\)/);
    writeFileSync(join(dir, 'broken.json'), '{ "id": "broken", ');
    expect(() => loadScenarioFile(join(dir, 'broken.json'))).toThrow(/broken\.json: not valid JSON/);
  });

  it('loads a file by path, and refuses unknown ids with the list of known ones', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ne-'));
    writeFileSync(join(dir, 'mine.json'), JSON.stringify(base));
    expect(loadScenario(join(dir, 'mine.json')).id).toBe('x');
    expect(() => loadScenario('no-such')).toThrow(/unknown scenario "no-such"; known scenarios: .*perceptron-xor/);
  });
});

describe('shipped scenario files', () => {
  const files = readdirSync(scenariosDir()).filter((f) => f.endsWith('.json') && f !== 'schema.json');
  it.each(files)('%s references the schema and matches its id', (f) => {
    const json = JSON.parse(readFileSync(join(scenariosDir(), f), 'utf8'));
    expect(json.$schema).toBe('./schema.json');
    expect(json.id).toBe(f.replace(/\.json$/, ''));
  });
  it('scenarios/schema.json is the one generated from the zod schema (npm run schema)', () => {
    expect(readFileSync(join(scenariosDir(), 'schema.json'), 'utf8')).toBe(scenarioJsonSchema());
  });
});
