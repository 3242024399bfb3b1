/**
 * Text goldens: UPDATE=1 rewrites them; a missing golden is written locally (look at it before
 * committing) and fails on CI; a mismatch writes `<name>-changed.<ext>` next to the golden, so that
 * `diff` shows exactly what changed.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, extname } from 'node:path';
import { expect } from 'vitest';

/** The file a mismatch is written to, beside the golden. */
export function changedFile(file: string): string {
  const ext = extname(file);
  return `${file.slice(0, file.length - ext.length)}-changed${ext}`;
}

/** Fails unless text equals the golden file's content. */
export function expectTextGolden(file: string, text: string): void {
  if (process.env.UPDATE === '1' || (!existsSync(file) && !process.env.CI)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  expect(existsSync(file), `missing golden ${file} (run UPDATE=1 locally)`).toBe(true);
  const golden = readFileSync(file, 'utf8');
  const changed = changedFile(file);
  if (text === golden) {
    rmSync(changed, { force: true });
    return;
  }
  writeFileSync(changed, text);
  expect.fail(`differs from ${file}: see ${changed} (diff them; UPDATE=1 accepts the change)`);
}
