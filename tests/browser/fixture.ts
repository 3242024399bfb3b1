/** Shared per-file setup: serve dist/ and launch Chromium once per test file. */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launch } from './browser.ts';
import { type ServerOptions, startServer, type TestServer } from './server.ts';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = join(ROOT, 'dist');

/** The screenshot golden `tests/browser/goldens/<name>.png` (compare with expectPngGolden from tests/support/golden.ts). */
export const goldenPng = (name: string): string => join(ROOT, 'tests', 'browser', 'goldens', `${name}.png`);

export interface Site {
  server: TestServer;
  browser: Browser;
}

/** Starts a server on dist/ and a browser before the file's tests and stops them after. */
export function useSite(opts: Partial<ServerOptions> = {}, browserArgs: string[] = []): Site {
  const site = {} as Site;
  beforeAll(async () => {
    if (!existsSync(join(DIST, 'index.html')))
      throw new Error('dist/ is missing: run "vite build" (npm run test:browser does)');
    site.server = await startServer({ root: DIST, ...opts });
    site.browser = await launch(browserArgs);
  });
  afterAll(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}
