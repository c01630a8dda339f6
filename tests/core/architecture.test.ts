import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|tsx)$/.test(name) ? [p] : [];
  });
}

describe('architecture rules', () => {
  it('src/core and src/models never import react or ink', () => {
    const offenders = [...files(join(root, 'src', 'core')), ...files(join(root, 'src', 'models'))].filter((f) =>
      /from\s+['"](react|ink|ink-[\w-]+|@inkjs\/[\w-]+)(\/[^'"]*)?['"]|import\(\s*['"](react|ink)/.test(readFileSync(f, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });

  it('src/core imports nothing of ours from outside src/core', () => {
    const offenders = files(join(root, 'src', 'core')).filter((f) => /from\s+['"]\.\.\/\.\.\/(?!core)|from\s+['"]\.\.\/(models|scenarios|commands|ui|report)/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('nothing uses Math.random or seeds globally: randomness comes from the injected Rng', () => {
    const offenders = [...files(join(root, 'src')), ...files(join(root, 'scripts'))].filter((f) => /Math\.random|seedrandom\([^)]*\{\s*global/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
    const seeded = files(join(root, 'src')).filter((f) => /from ['"]seedrandom['"]/.test(readFileSync(f, 'utf8')));
    expect(seeded.map((f) => f.slice(root.length + 1))).toEqual(['src/core/rng.ts']);
  });
});
