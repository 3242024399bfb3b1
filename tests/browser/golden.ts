/**
 * Screenshot goldens with an explicit tolerance (pixelmatch). UPDATE=1 rewrites them; a missing
 * golden fails on CI and is written (and reported) locally so a person can look at it first.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';

const HERE = dirname(fileURLToPath(import.meta.url));
export const GOLDEN_DIR = join(HERE, 'goldens');
const OUT_DIR = join(HERE, '__output__');

export interface GoldenResult {
  ok: boolean;
  diffRatio: number;
  message: string;
}

/**
 * Compares png with goldens/<name>.png. Per-pixel threshold 0.1 (anti-aliasing noise); at most
 * maxDiffRatio of the pixels may differ (default 0.5 %: a moved label or a recoloured site fails).
 */
export function compareGolden(name: string, png: Buffer, maxDiffRatio = 0.005): GoldenResult {
  const file = join(GOLDEN_DIR, `${name}.png`);
  if (process.env.UPDATE === '1' || (!existsSync(file) && !process.env.CI)) {
    mkdirSync(GOLDEN_DIR, { recursive: true });
    writeFileSync(file, png);
    return { ok: true, diffRatio: 0, message: `wrote golden ${file}: look at it before committing` };
  }
  if (!existsSync(file))
    return { ok: false, diffRatio: 1, message: `missing golden ${file} (run with UPDATE=1 locally)` };
  const a = PNG.sync.read(readFileSync(file));
  const b = PNG.sync.read(png);
  if (a.width !== b.width || a.height !== b.height) {
    return {
      ok: false,
      diffRatio: 1,
      message: `size ${b.width}×${b.height} differs from golden ${a.width}×${a.height}`,
    };
  }
  const diff = new PNG({ width: a.width, height: a.height });
  const n = pixelmatch(a.data, b.data, diff.data, a.width, a.height, { threshold: 0.1 });
  const ratio = n / (a.width * a.height);
  const ok = ratio <= maxDiffRatio;
  if (!ok) {
    mkdirSync(OUT_DIR, { recursive: true });
    writeFileSync(join(OUT_DIR, `${name}.actual.png`), png);
    writeFileSync(join(OUT_DIR, `${name}.diff.png`), PNG.sync.write(diff));
  }
  return {
    ok,
    diffRatio: ratio,
    message: `${name}: ${(ratio * 100).toFixed(3)}% of pixels differ (limit ${(maxDiffRatio * 100).toFixed(2)}%)`,
  };
}
