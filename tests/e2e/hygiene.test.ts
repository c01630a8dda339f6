/**
 * What the package ships, from `npm pack --dry-run` over the built dist/ (no build, no install):
 * a LICENSE, every file the README links to, and no Ink devtools chunk that nothing loads.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const files = (): string[] => {
  const out = execFileSync('npm', ['pack', '--dry-run', '--ignore-scripts', '--json'], { cwd: root, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' }, stdio: ['ignore', 'pipe', 'pipe'] });
  return (JSON.parse(out.slice(out.indexOf('['))) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path);
};

describe('package hygiene', () => {
  const shipped = files();

  it('ships the MIT LICENSE that package.json names', () => {
    expect(shipped).toContain('LICENSE');
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(pkg.license).toBe('MIT');
    expect(readFileSync(join(root, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n/);
  });

  it('ships every file the README links to', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const links = [...readme.matchAll(/\]\(([^)#\s]+)\)/g)].map((m) => m[1]!).filter((l) => !/^[a-z]+:/.test(l));
    expect(links.length).toBeGreaterThan(0);
    expect(links.filter((l) => !shipped.includes(l.replace(/^\.\//, '')))).toEqual([]);
  });

  it('has no Ink devtools chunk: the import of it stays outside the bundle, unresolved', () => {
    expect(shipped.filter((f) => /devtools/.test(f))).toEqual([]);
    const dist = shipped.filter((f) => f.startsWith('dist/') && f.endsWith('.js'));
    expect(dist.some((f) => readFileSync(join(root, f), 'utf8').includes('ink-devtools-not-bundled.js'))).toBe(true);
  });
});

describe('start-up stays light', () => {
  it('only the figure chunk imports d3 (list and --version never load it)', () => {
    const dist = files().filter((f) => f.startsWith('dist/') && f.endsWith('.js'));
    const importers = dist.filter((f) => /from\s*["']d3-/.test(readFileSync(join(root, f), 'utf8')));
    expect(importers.length).toBe(1);
    expect(importers[0]).toMatch(/^dist\/plot-[A-Z0-9]+\.js$/);
    const cli = readFileSync(join(root, 'dist', 'cli.js'), 'utf8');
    expect(cli).not.toMatch(/["']d3-/);
  });
});
