import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

/** What each folder of src/ may import besides itself (STYLE.md's layering; nothing imports upward). */
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  cli: ['commands', 'ui', 'session', 'assignments', 'i18n', 'report', 'scenarios', 'models', 'engines', 'core'],
  commands: ['session', 'assignments', 'i18n', 'report', 'scenarios', 'models', 'engines', 'core'],
  ui: ['session', 'assignments', 'i18n', 'report', 'scenarios', 'models', 'engines', 'core'],
  // the headless session layer: what the UI shows, without React (the lessons are tested on it)
  session: ['assignments', 'i18n', 'report', 'scenarios', 'models', 'engines', 'core'],
  // the course's assignments worked out (quiz questions, problem sheets, exercises and their grader)
  assignments: ['i18n', 'report', 'scenarios', 'models', 'engines', 'core'],
  // the UI's words in each language: the session, the UI and the printed tour use them
  i18n: ['core'],
  report: ['scenarios', 'models', 'engines', 'core'],
  scenarios: ['models', 'engines', 'core'],
  models: ['engines', 'core'],
  // the engines (src/engines/<family>): pure math on Float64Array, built on the core alone
  engines: ['core'],
  core: [],
};
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|tsx)$/.test(name) ? [p] : [];
  });
}

describe('architecture rules', () => {
  it('only src/ui imports react or ink (the CLI loads the UI lazily)', () => {
    const offenders = files(join(root, 'src')).filter((f) => !f.startsWith(join(root, 'src', 'ui') + sep)).filter((f) =>
      /from\s+['"](react|ink|ink-[\w-]+|@inkjs\/[\w-]+)(\/[^'"]*)?['"]|import\(\s*['"](react|ink)/.test(readFileSync(f, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });

  it('every folder imports only downward: cli → commands and ui → session → i18n and report → scenarios → models → core', () => {
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
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/(?:from\s+|import\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g)) {
        const to = layerOf(resolve(dirname(file), m[1]!));
        // the launcher of the terminal UI is the one command that reaches into ui/
        const launcher = to === 'ui' && file === join(root, 'src', 'commands', 'ui.ts');
        if (to !== from && !allowed.includes(to) && !launcher) offenders.push(`${relative(root, file)} → ${m[1]}`);
      }
    }
    expect(offenders).toEqual([]);
    // every folder of src/ has its rule: a new one must be placed in the layering
    expect([...layers].sort()).toEqual(Object.keys(ALLOWED).sort());
  });

  it('nothing uses Math.random or seeds globally: randomness comes from the injected Rng', () => {
    const offenders = [...files(join(root, 'src')), ...files(join(root, 'scripts'))].filter((f) => /Math\.random|seedrandom\([^)]*\{\s*global/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
    const seeded = files(join(root, 'src')).filter((f) => /from ['"]seedrandom['"]/.test(readFileSync(f, 'utf8')));
    expect(seeded.map((f) => f.slice(root.length + 1))).toEqual(['src/core/rng.ts']);
  });
});
