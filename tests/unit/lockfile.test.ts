/**
 * `npm ci` refuses a lock file that is out of step with package.json, or one that records a package's
 * optional dependencies (the per-platform binaries of Biome and resvg) without locking them. These checks
 * fail before a deploy pipeline does: regenerate the lock with `rm -rf node_modules package-lock.json &&
 * npm install` (not `npm install` on top of an old lock, which can keep only this platform's binaries).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

interface LockEntry {
  version?: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

const readJson = <T>(path: string): T => JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8'));
const pkg = readJson<Required<Pick<LockEntry, 'dependencies' | 'devDependencies'>>>('package.json');
const lock = readJson<{ lockfileVersion: number; packages: Record<string, LockEntry> }>('package-lock.json');

/** Where npm would find `name` when required from the package installed at `from` (node's lookup, upwards). */
function resolve(from: string, name: string): string | undefined {
  let dir = from;
  for (;;) {
    const candidate = `${dir ? `${dir}/` : ''}node_modules/${name}`;
    if (lock.packages[candidate]) return candidate;
    if (!dir) return undefined;
    const at = dir.lastIndexOf('/node_modules/');
    dir = at < 0 ? '' : dir.slice(0, at);
  }
}

describe('package-lock.json', () => {
  const root = lock.packages[''] ?? {};

  it('is a version 3 lock file', () => {
    expect(lock.lockfileVersion).toBe(3);
  });

  it('records exactly the dependency ranges of package.json', () => {
    expect(root.dependencies ?? {}).toEqual(pkg.dependencies);
    expect(root.devDependencies ?? {}).toEqual(pkg.devDependencies);
  });

  it.each(['@biomejs/biome', '@resvg/resvg-js'])('locks every platform binary of %s', (name) => {
    const entry = lock.packages[`node_modules/${name}`];
    const binaries = Object.keys(entry?.optionalDependencies ?? {});
    expect(binaries.length).toBeGreaterThan(1);
    expect(binaries.filter((b) => !resolve(`node_modules/${name}`, b))).toEqual([]);
  });

  it('locks every dependency and optional dependency of every locked package', () => {
    const missing: string[] = [];
    for (const [path, entry] of Object.entries(lock.packages)) {
      for (const name of Object.keys({ ...entry.dependencies, ...entry.optionalDependencies })) {
        if (!resolve(path, name)) missing.push(`${path || '(root)'} -> ${name}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
