/**
 * Golden files, one rule for all of them (text, JSON, SVG in the unit tests; PNG screenshots in the
 * browser tests):
 * - `UPDATE=1` rewrites the golden with what the test produced; look at it before committing.
 * - A missing golden fails on CI; locally it is written (and the test passes) so you can look at it.
 * - On a mismatch the test fails and `<name>-changed.<ext>` is written beside the golden (gitignored:
 *   `*-changed.*`), so a reviewer can `diff` it or open both pictures; a PNG also gets
 *   `<name>-changed.diff.png`, the differing pixels in red. A later pass removes both.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, extname } from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { expect } from 'vitest';

/** The file a mismatch is written to, beside the golden: `a/b.svg` → `a/b-changed.svg`. */
export function changedFile(file: string): string {
  const ext = extname(file);
  return `${file.slice(0, file.length - ext.length)}-changed${ext}`;
}

/** Writes the golden when asked to (UPDATE=1) or when it is missing outside CI; fails when it is still missing. */
function ensureGolden(file: string, actual: string | Buffer, write = true): void {
  if (write && (process.env.UPDATE === '1' || (!existsSync(file) && !process.env.CI))) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
  }
  expect(existsSync(file), `missing golden ${file} (run with UPDATE=1 locally and look at it)`).toBe(true);
}

/** Fails unless text equals the golden file's content exactly. */
export function expectTextGolden(file: string, text: string): void {
  ensureGolden(file, text);
  const changed = changedFile(file);
  if (text === readFileSync(file, 'utf8')) {
    rmSync(changed, { force: true });
    return;
  }
  writeFileSync(changed, text);
  expect.fail(`differs from ${file}: see ${changed} (diff them; UPDATE=1 accepts the change)`);
}

/** How many pixels of two same-sized PNGs differ by more than pixelmatch's threshold 0.1 (anti-aliasing noise). */
export function differingPixels(a: Buffer, b: Buffer): number {
  const x = PNG.sync.read(a);
  const y = PNG.sync.read(b);
  if (x.width !== y.width || x.height !== y.height) return x.width * x.height;
  return pixelmatch(x.data, y.data, undefined, x.width, x.height, { threshold: 0.1 });
}

export interface PngGoldenOptions {
  /** Share of pixels that may differ (default 0.5 %: a moved label or a recoloured site fails). */
  maxDiffRatio?: number;
  /** False for a test that only compares with a golden another test owns: UPDATE=1 does not rewrite it. */
  write?: boolean;
}

/**
 * Fails unless png matches the golden PNG file: same size, and at most maxDiffRatio of the pixels
 * differ by more than pixelmatch's threshold 0.1 (anti-aliasing noise). Returns the share that differed.
 */
export function expectPngGolden(
  file: string,
  png: Buffer,
  { maxDiffRatio = 0.005, write = true }: PngGoldenOptions = {},
): number {
  ensureGolden(file, png, write);
  const changed = changedFile(file);
  const diffFile = changed.replace(/\.png$/, '.diff.png');
  const want = PNG.sync.read(readFileSync(file));
  const got = PNG.sync.read(png);
  let ratio = 1;
  let message = `${file}: size ${got.width}×${got.height} differs from the golden's ${want.width}×${want.height}`;
  const diff = new PNG({ width: want.width, height: want.height });
  if (want.width === got.width && want.height === got.height) {
    const n = pixelmatch(want.data, got.data, diff.data, want.width, want.height, { threshold: 0.1 });
    ratio = n / (want.width * want.height);
    message = `${file}: ${(ratio * 100).toFixed(3)}% of pixels differ (limit ${(maxDiffRatio * 100).toFixed(2)}%)`;
  }
  if (ratio <= maxDiffRatio) {
    rmSync(changed, { force: true });
    rmSync(diffFile, { force: true });
    return ratio;
  }
  writeFileSync(changed, png);
  const sameSize = want.width === got.width && want.height === got.height;
  if (sameSize) writeFileSync(diffFile, PNG.sync.write(diff));
  else rmSync(diffFile, { force: true });
  expect.fail(`${message}: see ${changed}${sameSize ? ` and ${diffFile}` : ''} (UPDATE=1 accepts the change)`);
}
