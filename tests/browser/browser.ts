/**
 * Debian Chromium through playwright-core: launch, open a page that fails any request off
 * 127.0.0.1/localhost, collect console errors, wait for the map's readiness contract.
 */
import { type Browser, type BrowserContextOptions, chromium, type Frame, type Page } from 'playwright-core';
import { expect } from 'vitest';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-dev-shm-usage',
  // SwiftShader: deterministic software WebGL on machines without a GPU.
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--ignore-gpu-blocklist',
  '--force-color-profile=srgb',
  '--font-render-hinting=none',
];

/** Launches headless Chromium; extraArgs e.g. ['--disable-webgl'] for the fallback tests. */
export function launch(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...ARGS, ...extraArgs] });
}

export interface OpenedPage {
  page: Page;
  /** Console errors and uncaught page errors. */
  errors: string[];
  /** Requests that tried to leave the local server (they were aborted). */
  offsite: string[];
  close(): Promise<void>;
}

const LOCAL = /^(https?:\/\/(127\.0\.0\.1|localhost)(:\d+)?\/|data:|blob:|about:)/;

/** Opens url in a fresh context with a fixed viewport and pixel ratio 1. */
export async function open(
  browser: Browser,
  url: string | null,
  options: BrowserContextOptions = {},
): Promise<OpenedPage> {
  const context = await browser.newContext({
    viewport: { width: 1000, height: 700 },
    deviceScaleFactor: 1,
    ...options,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  const offsite: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  await context.route('**/*', (route) => {
    const u = route.request().url();
    if (LOCAL.test(u)) return route.continue();
    offsite.push(u);
    return route.abort();
  });
  if (url) await page.goto(url);
  return { page, errors, offsite, close: () => context.close() };
}

/**
 * What a map golden shows: the map only. The tool buttons over it (the phase camera, the table toggle)
 * and MapLibre's controls (zoom, attribution) are hidden while the screenshot is taken, so renaming a button or restyling a
 * control never changes a map golden (page goldens show the whole page on purpose).
 */
const MAP_ONLY = [
  '.map-tools, .map-tools *, .maplibregl-control-container, .maplibregl-control-container *',
  '{ visibility: hidden !important; }',
].join(' ');

/** A screenshot of #map alone, for map goldens and for before/after comparisons of the map. */
export function mapScreenshot(page: Page): Promise<Buffer> {
  return page.locator('#map').screenshot({ style: MAP_ONLY });
}

/** The frame that has navigated to an address starting with prefix (a new frame starts at about:blank), polled. */
export async function frameAt(page: Page, prefix: string, timeout = 30_000): Promise<Frame> {
  const find = () => page.frames().find((f) => f.url().startsWith(prefix));
  await expect.poll(() => find() !== undefined, { timeout, message: `no frame at ${prefix}` }).toBe(true);
  return find()!;
}

/** Waits until <html data-map-state> is ready (or error, which fails unless allowed). */
export async function waitReady(page: Page, allowError = false, timeout = 60_000): Promise<string> {
  await page.waitForFunction(
    () => ['ready', 'error'].includes(document.documentElement.dataset.mapState ?? ''),
    undefined,
    { timeout },
  );
  const state = await page.evaluate(() => document.documentElement.dataset.mapState ?? '');
  if (state === 'error' && !allowError) throw new Error('map reached data-map-state=error');
  return state;
}

/** Waits until the map has drawn date (data-date) and is ready. */
export async function waitDrawn(page: Page, date: string, timeout = 30_000): Promise<void> {
  await page.waitForFunction(
    (d) => document.documentElement.dataset.date === d && document.documentElement.dataset.mapState === 'ready',
    date,
    { timeout },
  );
}
