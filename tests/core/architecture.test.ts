import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

/**
 * What each folder of src/ may import besides itself (src/README.md, ARCHITECTURE: the floors from
 * cli down to core; nothing imports upward, and the rooms of one floor do not import each other).
 */
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  // src/*.ts: the command line's entry, the public API
  cli: ['commands', 'ui', 'session', 'assignments', 'i18n', 'report', 'scenarios', 'models', 'engines', 'data', 'theory', 'core'],
  commands: ['session', 'assignments', 'i18n', 'report', 'scenarios', 'models', 'engines', 'data', 'theory', 'core'],
  ui: ['session', 'assignments', 'i18n', 'report', 'scenarios', 'models', 'engines', 'data', 'theory', 'core'],
  // the headless session layer: what the UI shows, without React (the lessons are tested on it)
  session: ['assignments', 'i18n', 'report', 'scenarios', 'models', 'engines', 'data', 'theory', 'core'],
  // the course's assignments worked out (quiz questions, problem sheets, exercises and their grader)
  assignments: ['i18n', 'report', 'scenarios', 'models', 'engines', 'data', 'theory', 'core'],
  // the UI's words in each language: the session, the UI and the printed tour use them
  i18n: ['core'],
  report: ['scenarios', 'models', 'engines', 'data', 'theory', 'core'],
  scenarios: ['models', 'engines', 'data', 'theory', 'core'],
  models: ['engines', 'data', 'theory', 'core'],
  // the engines (src/engines/<family>): pure math on Float64Array, built on the core alone
  engines: ['core'],
  // the data sets: generators, the digits and iris, CSV reading, augmentation, confusion counts
  data: ['core'],
  // the perceptron's theory: margins, Novikoff's bound, association units, small linear algebra
  theory: ['core'],
  // types, the runner, the seeded RNG, parameters, the plugin contract, weights, formatting, reasons
  core: [],
};
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|tsx)$/.test(name) ? [p] : [];
  });
}

/** The relative imports of a file (import, export … from, import(), side-effect imports), as written. */
const importsOf = (file: string): string[] => [...readFileSync(file, 'utf8').matchAll(/(?:from\s+|import\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => m[1]!);

/** The file an import names: `./x.js` is x.ts or x.tsx, a folder its index.ts. */
function target(file: string, spec: string): string | null {
  const t = resolve(dirname(file), spec);
  return [t, t.replace(/\.js$/, '.ts'), t.replace(/\.js$/, '.tsx'), `${t}.ts`, join(t, 'index.ts')].find((c) => existsSync(c) && statSync(c).isFile()) ?? null;
}

/** The import circles among `all` (strongly connected components of more than one file, or a file importing itself), by Tarjan's algorithm. */
function circles(all: readonly string[]): string[][] {
  const graph = new Map(all.map((f) => [f, importsOf(f).map((s) => target(f, s)).filter((t): t is string => t !== null)]));
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || graph.get(v)!.includes(v)) found.push(component.map((f) => relative(root, f)).sort());
  };
  for (const f of all) if (!index.has(f)) visit(f);
  return found;
}

describe('architecture rules', () => {
  it('only src/ui imports react or ink (the CLI loads the UI lazily)', () => {
    const offenders = files(join(root, 'src')).filter((f) => !f.startsWith(join(root, 'src', 'ui') + sep)).filter((f) =>
      /from\s+['"](react|ink|ink-[\w-]+|@inkjs\/[\w-]+)(\/[^'"]*)?['"]|import\(\s*['"](react|ink)/.test(readFileSync(f, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });

  it('every folder imports only downward: cli → commands and ui → session → assignments → i18n and report → scenarios → models → engines, data and theory → core', () => {
    const layerOf = (file: string): string => {
      const rel = relative(join(root, 'src'), file).split(sep);
      return rel.length === 1 ? 'cli' : rel[0]!;
    };
    const offenders: string[] = [];
    const layers = new Set<string>();
    for (const file of files(join(root, 'src'))) {
      const from = layerOf(file);
      layers.add(from);
      const allowed = ALLOWED[from] ?? [];
      for (const spec of importsOf(file)) {
        const to = layerOf(resolve(dirname(file), spec));
        // the launcher of the terminal UI is the one command that reaches into ui/
        const launcher = to === 'ui' && file === join(root, 'src', 'commands', 'ui.ts');
        if (to !== from && !allowed.includes(to) && !launcher) offenders.push(`${relative(root, file)} → ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
    // every folder of src/ has its rule: a new one must be placed in the layering
    expect([...layers].sort()).toEqual(Object.keys(ALLOWED).sort());
  });

  it('an engine family (src/engines/<family>) imports no other family: each stands on the core alone', () => {
    const offenders: string[] = [];
    for (const file of files(join(root, 'src', 'engines'))) {
      const family = relative(join(root, 'src', 'engines'), file).split(sep)[0]!;
      for (const spec of importsOf(file)) {
        const rel = relative(join(root, 'src', 'engines'), resolve(dirname(file), spec)).split(sep);
        if (rel[0] !== '..' && rel[0] !== family) offenders.push(`${relative(root, file)} → ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('no import circles between files of src/ (type-only imports included)', () => {
    const all = files(join(root, 'src'));
    // every relative import names a file, so the graph the circles are looked for in is whole
    const unresolved = all.flatMap((f) => importsOf(f).filter((s) => target(f, s) === null).map((s) => `${relative(root, f)} → ${s}`));
    expect(unresolved).toEqual([]);
    expect(circles(all)).toEqual([]);
  });

  it('nothing uses Math.random or seeds globally: randomness comes from the injected Rng', () => {
    const offenders = [...files(join(root, 'src')), ...files(join(root, 'scripts'))].filter((f) => /Math\.random|seedrandom\([^)]*\{\s*global/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
    const seeded = files(join(root, 'src')).filter((f) => /from ['"]seedrandom['"]/.test(readFileSync(f, 'utf8')));
    expect(seeded.map((f) => f.slice(root.length + 1))).toEqual(['src/core/rng.ts']);
  });
});
