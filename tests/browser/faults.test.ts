/**
 * Faults at run time (issue 9): broken, missing, slow and stalled data files served in place of the
 * real ones, and a lost WebGL context. The map must say what is wrong in the map area, draw what it
 * can, set data-map-state honestly, and throw nothing uncaught.
 */
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { type OpenedPage, open, waitDrawn, waitReady } from './browser.ts';
import { DIST, ROOT, useSite } from './fixture.ts';

type Fault = (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>;

const RUNTIME = join(ROOT, 'tests', 'fixtures', 'runtime');
const DATE = '2025-06-01';
/**
 * Faults by request path (/geo/<file>, or a prefix ending in *), consulted before the file system;
 * cleared after each test.
 */
const faults = new Map<string, Fault>();
const site = useSite({
  overrides: [
    (req, res) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      for (const [key, fault] of faults) {
        if (key === path || (key.endsWith('*') && path.startsWith(key.slice(0, -1)))) return fault(req, res);
      }
      return false;
    },
  ],
});
afterEach(() => faults.clear());

const body =
  (text: string | Buffer, status = 200, type = 'application/json'): Fault =>
  (_req, res) => {
    res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' }).end(text);
    return true;
  };
const fixture = (name: string, type?: string) => body(readFileSync(join(RUNTIME, name)), 200, type);
const status = (code: number) => body(`error ${code}`, code, 'text/plain');
const reset: Fault = (req) => {
  req.socket.destroy();
  return true;
};
/** Holds the requests until release(), then serves them from dist/ as usual. */
function hold(): { fault: Fault; release: () => void } {
  let release = () => {};
  const released = new Promise<void>((ok) => {
    release = ok;
  });
  const fault: Fault = async () => {
    await released;
    return false;
  };
  return { fault, release };
}
/** Never answers the first `times` requests (the server closes them at the end); answers later ones. */
function stall(times = 1): Fault {
  let n = 0;
  return () => n++ < times;
}

/**
 * Installs Playwright's clock in the page (before it loads) and notes what the app starts: the URLs
 * it fetches (not the preloads, which the HTML starts) and the workers it creates.
 */
async function installClock(page: Page): Promise<void> {
  await page.clock.install();
  await page.addInitScript(() => {
    const w = window as unknown as { __started: string[] };
    w.__started = [];
    const fetch0 = window.fetch.bind(window);
    window.fetch = (input, init) => {
      w.__started.push(`fetch ${input instanceof Request ? input.url : String(input)}`);
      return fetch0(input, init);
    };
    const Worker0 = window.Worker;
    window.Worker = class extends Worker0 {
      constructor(url: string | URL, options?: WorkerOptions) {
        w.__started.push(`worker ${String(url)}`);
        super(url, options);
      }
    };
  });
}

/**
 * Stops the page's clock about 1 s of page time after the app has started something matching what
 * (a timer the test checks is set just before it). From then on the test moves the page's time itself
 * (runFor), so the app's timers (the slow note at 4 s, giving up at 20 s: src/main.ts,
 * src/render/host.ts) are checked on the page's time, not the machine's.
 */
async function pauseAfter(page: Page, what: RegExp): Promise<void> {
  const started = () => page.evaluate(() => (window as unknown as { __started?: string[] }).__started ?? []);
  await expect.poll(started, { timeout: 60_000, interval: 50 }).toContainEqual(expect.stringMatching(what));
  const now = await page.evaluate(() => Date.now());
  await page.clock.pauseAt(now + 1000);
}

/** The browser's own log line for a 4xx/5xx or a failed request: not the app's doing. */
const NETWORK_LOG = /^Failed to load resource/;
const appErrors = (p: OpenedPage) => p.errors.filter((e) => !NETWORK_LOG.test(e));

interface MapMessage {
  kind: string | null;
  text: string;
  visible: boolean;
  retry: boolean;
}
const messages = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('#map-wrap .map-message')].map(
      (el): MapMessage => ({
        kind: el.dataset.kind ?? null,
        text: el.textContent ?? '',
        visible: el.getBoundingClientRect().height > 0 && getComputedStyle(el).visibility !== 'hidden',
        retry: !!el.querySelector('button[data-testid="map-retry"]'),
      }),
    ),
  );
const pollution = (page: Page) =>
  page.evaluate(() => ({
    polluted: ({} as Record<string, unknown>).polluted,
    protoKeys: Object.getOwnPropertyNames(Object.prototype).length,
  }));

describe('a required file that is broken', () => {
  const CASES: [string, string, Fault, RegExp][] = [
    ['coalition-presence.geojson', 'cut off mid-way', fixture('truncated.geojson'), /not valid JSON/],
    [
      'coalition-presence.geojson',
      'an HTML error page sent as 200',
      fixture('error-page.html', 'text/html'),
      /not valid JSON/,
    ],
    ['sources.json', 'an empty body', fixture('empty.json'), /empty file/],
    ['sources.json', 'HTTP 500', status(500), /HTTP 500/],
    ['timeline.json', 'HTTP 404', status(404), /HTTP 404/],
    ['timeline.json', 'JSON of the wrong shape', fixture('wrong-shape.json'), /timeline\.json/],
    ['timeline.json', 'hundreds of schema errors', fixture('many-errors.timeline.json'), /timeline\.json.*\(\+\d+\)/],
    ['coalition-presence.geojson', 'a reset connection', reset, /network error/],
  ];
  it(`shows an error with a retry, sets data-map-state=error and throws nothing (${CASES.length} faults)`, async () => {
    const p = await open(site.browser, null);
    try {
      for (const [file, what, fault, pattern] of CASES) {
        faults.clear();
        faults.set(`/geo/${file}`, fault);
        await p.page.goto(`${site.server.url}?date=${DATE}&static=1`);
        expect(await waitReady(p.page, true), `${file}: ${what}`).toBe('error');
        const [msg, ...more] = await messages(p.page);
        expect(more, `${file}: ${what}: one message`).toEqual([]);
        expect(msg, `${file}: ${what}`).toMatchObject({ kind: 'error', visible: true, retry: true });
        expect(msg!.text, `${file}: ${what}`).toContain(file);
        expect(msg!.text, `${file}: ${what}`).toMatch(pattern);
        // Hundreds of schema issues still make a message a reader can take in.
        expect(msg!.text.length, `${file}: ${what}: message length`).toBeLessThan(700);
        expect(await p.page.evaluate(() => (window as { __fromErrorPage?: boolean }).__fromErrorPage)).toBeUndefined();
      }
      expect(appErrors(p)).toEqual([]);
      expect(p.offsite).toEqual([]);
    } finally {
      await p.close();
    }
  });
});

describe('an optional file that is broken or missing', () => {
  const CASES: [string, string, Fault][] = [
    ['ne-syria-threat-zone.geojson', 'HTTP 404', status(404)],
    ['ain-al-asad.geojson', 'cut off mid-way', fixture('truncated.geojson')],
    ['basemap/rivers.geojson', 'JSON of the wrong shape', fixture('wrong-shape.json')],
    ['basemap/countries.geojson', 'an HTML error page sent as 200', fixture('error-page.html', 'text/html')],
    ['basemap/cities.geojson', 'a reset connection', reset],
  ];
  it(`draws the rest and says what is missing (${CASES.length} faults, SVG map)`, async () => {
    const p = await open(site.browser, null);
    try {
      for (const [file, what, fault] of CASES) {
        faults.clear();
        faults.set(`/geo/${file}`, fault);
        await p.page.goto(`${site.server.url}?date=${DATE}&static=1`);
        expect(await waitReady(p.page, true), `${file}: ${what}`).toBe('ready');
        await waitDrawn(p.page, DATE);
        expect(await p.page.locator('#map-static svg').count(), file).toBe(1);
        const msgs = await messages(p.page);
        expect(msgs, `${file}: ${what}`).toEqual([expect.objectContaining({ kind: 'partial', visible: true })]);
        expect(msgs[0]!.text).toContain(file);
      }
      expect(appErrors(p)).toEqual([]);
    } finally {
      await p.close();
    }
  });

  it('draws the WebGL map with every optional file missing at once', async () => {
    for (const f of ['ain-al-asad.geojson', 'ne-syria-threat-zone.geojson']) faults.set(`/geo/${f}`, status(404));
    for (const f of ['countries', 'borders', 'admin1-lines', 'kurdistan', 'rivers', 'lakes', 'cities']) {
      faults.set(`/geo/basemap/${f}.geojson`, status(404));
    }
    const p = await open(site.browser, `${site.server.url}?date=${DATE}`);
    try {
      await waitDrawn(p.page, DATE);
      expect(await p.page.locator('#map canvas.maplibregl-canvas').count()).toBe(1);
      const [msg] = await messages(p.page);
      expect(msg?.kind).toBe('partial');
      for (const f of ['ain-al-asad.geojson', 'ne-syria-threat-zone.geojson', 'basemap/countries.geojson']) {
        expect(msg?.text).toContain(f);
      }
      // The site list and the table do not need the optional files.
      expect(await p.page.locator('.site-list [data-site]').count()).toBeGreaterThan(5);
      expect(appErrors(p)).toEqual([]);
    } finally {
      await p.close();
    }
  });
});

describe('data that tries prototype pollution', () => {
  it('drops __proto__, constructor and prototype keys in every file and draws', async () => {
    // Own "__proto__" keys, as JSON.parse makes them, at the top, in each feature and in nested objects.
    const poison = (file: string) => {
      const text = readFileSync(join(DIST, 'geo', file), 'utf8');
      const evil =
        '"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"prototype":{"polluted":"yes"},';
      return text.replaceAll(/\{(?=\s*")/g, `{${evil}`);
    };
    for (const f of ['coalition-presence.geojson', 'timeline.json', 'sources.json', 'basemap/cities.geojson']) {
      faults.set(`/geo/${f}`, body(poison(f)));
    }
    const p = await open(site.browser, `${site.server.url}?date=${DATE}&static=1`);
    try {
      const state = await waitReady(p.page, true);
      const clean = await p.page.evaluate(() => Object.getOwnPropertyNames(Object.prototype).length);
      expect(await pollution(p.page)).toEqual({ polluted: undefined, protoKeys: clean });
      // The schemas strip unknown keys, so the poisoned files are still valid facts.
      expect(state).toBe('ready');
      await p.page.locator('.site-list [data-site]').first().click();
      expect(await pollution(p.page)).toEqual({ polluted: undefined, protoKeys: clean });
      expect(appErrors(p)).toEqual([]);
    } finally {
      await p.close();
    }
  });
});

describe('slow and stalled data', () => {
  it('shows "Still loading" with a retry after 4 s while timeline.json is on its way, then draws and removes it', async () => {
    const held = hold();
    faults.set('/geo/timeline.json', held.fault);
    const p = await open(site.browser, null);
    try {
      await installClock(p.page);
      await p.page.goto(`${site.server.url}?date=${DATE}&static=1&lang=de`);
      const note = p.page.getByTestId('slow-note');
      // The slow-note timer starts with the app's request; about 1 s (of page time) later, no note yet.
      await pauseAfter(p.page, /^fetch .*timeline\.json/);
      expect(await note.count()).toBe(0);
      await p.page.clock.runFor(3500);
      await note.waitFor({ state: 'visible', timeout: 5000 });
      expect(await note.textContent()).toContain('noch geladen');
      expect(await note.getByRole('button').count()).toBe(1);
      expect(await p.page.evaluate(() => document.documentElement.dataset.mapState)).toBe('loading');
      held.release();
      await p.page.clock.resume();
      await waitDrawn(p.page, DATE);
      expect(await note.count()).toBe(0);
      expect(await messages(p.page)).toEqual([]);
      expect(appErrors(p)).toEqual([]);
    } finally {
      await p.close();
    }
  });

  it('gives up on a stalled request after 20 s with an error and a retry that works', async () => {
    faults.set('/geo/timeline.json', stall(1));
    const p = await open(site.browser, null);
    try {
      await installClock(p.page);
      await p.page.goto(`${site.server.url}?date=${DATE}&static=1`);
      await pauseAfter(p.page, /^fetch .*timeline\.json/);
      await p.page.clock.runFor(3500);
      await p.page.getByTestId('slow-note').waitFor({ state: 'visible', timeout: 5000 });
      // Not given up before 20 s of page time; given up after.
      await p.page.clock.runFor(13_000);
      expect(await p.page.evaluate(() => document.documentElement.dataset.mapState)).toBe('loading');
      await p.page.clock.runFor(3000);
      await p.page.clock.resume();
      expect(await waitReady(p.page, true, 30_000)).toBe('error');
      const [msg] = await messages(p.page);
      expect(msg).toMatchObject({ kind: 'error', visible: true, retry: true });
      expect(msg!.text).toMatch(/timeline\.json \(timed out\)/);
      // The second request is answered: "Try again" must draw the map (with or without a reload).
      await p.page.getByTestId('map-retry').click();
      await waitDrawn(p.page, DATE);
      expect(await messages(p.page)).toEqual([]);
      expect(appErrors(p)).toEqual([]);
    } finally {
      await p.close();
    }
  });

  it('"Try again" on the slow note starts the load over', async () => {
    faults.set('/geo/sources.json', stall(1));
    const p = await open(site.browser, null);
    try {
      await installClock(p.page);
      await p.page.goto(`${site.server.url}?date=${DATE}&static=1`);
      await pauseAfter(p.page, /^fetch .*sources\.json/);
      await p.page.clock.runFor(3500);
      await p.page.clock.resume();
      const note = p.page.getByTestId('slow-note');
      await note.waitFor({ state: 'visible', timeout: 5000 });
      await note.getByRole('button').click();
      await waitDrawn(p.page, DATE, 15_000);
      expect(await messages(p.page)).toEqual([]);
      expect(appErrors(p)).toEqual([]);
    } finally {
      await p.close();
    }
  });
});

describe('WebGL context loss', () => {
  const renderer = (page: Page) =>
    page.evaluate(() => ({
      renderer: document.getElementById('map')!.dataset.renderer,
      state: document.documentElement.dataset.mapState,
      date: document.documentElement.dataset.date,
      canvases: document.querySelectorAll('#map canvas.maplibregl-canvas').length,
      svg: !document.getElementById('map-static')!.hidden && !!document.querySelector('#map-static svg'),
    }));
  const waitRenderer = (page: Page, name: 'svg' | 'webgl') =>
    page.waitForFunction((r) => document.getElementById('map')?.dataset.renderer === r, name, { timeout: 30_000 });

  it('switches to the SVG map while the context is lost and back to WebGL when it is restored (twice)', async () => {
    const p = await open(site.browser, `${site.server.url}?date=${DATE}`);
    try {
      await waitDrawn(p.page, DATE);
      expect(await renderer(p.page)).toEqual({
        renderer: 'webgl',
        state: 'ready',
        date: DATE,
        canvases: 1,
        svg: false,
      });
      for (const [i, date] of ['2026-12-31', '2024-09-01'].entries()) {
        await p.page.evaluate(() => {
          const canvas = document.querySelector<HTMLCanvasElement>('#map canvas.maplibregl-canvas')!;
          const ext = canvas.getContext('webgl2')!.getExtension('WEBGL_lose_context')!;
          (window as unknown as { lost: WEBGL_lose_context }).lost = ext;
          ext.loseContext();
        });
        await waitRenderer(p.page, 'svg');
        expect(await renderer(p.page), `loss ${i + 1}`).toMatchObject({ state: 'ready', svg: true, canvases: 0 });
        // The reader goes on using the map on the SVG renderer.
        await p.page.locator('#date-slider').focus();
        await p.page.keyboard.press(i === 0 ? 'End' : 'Home');
        await waitDrawn(p.page, date);
        await p.page.evaluate(() => (window as unknown as { lost: WEBGL_lose_context }).lost.restoreContext());
        await waitRenderer(p.page, 'webgl');
        await waitDrawn(p.page, date);
        expect(await renderer(p.page), `restore ${i + 1}`).toEqual({
          renderer: 'webgl',
          state: 'ready',
          date,
          canvases: 1,
          svg: false,
        });
      }
      // The rebuilt map is live: it follows the slider and draws Ain al-Asad's callout once.
      await p.page.keyboard.press('PageUp');
      await p.page.waitForFunction((d) => document.documentElement.dataset.date !== d, '2024-09-01');
      expect(await p.page.locator('.ain-callout').count()).toBe(1);
      expect(p.errors).toEqual([]);
      expect(p.offsite).toEqual([]);
    } finally {
      await p.close();
    }
  });

  it('gives up on a WebGL map that cannot start (its worker never arrives) after 20 s on screen', async () => {
    faults.set('/assets/maplibre-gl-worker*', stall(Number.POSITIVE_INFINITY));
    const fallback = () => p.page.evaluate(() => document.getElementById('map')?.dataset.fallbackReason ?? null);
    const p = await open(site.browser, null);
    try {
      await installClock(p.page);
      await p.page.goto(`${site.server.url}?date=${DATE}`);
      // The watchdog starts just before the engine creates its worker: about 1 s of page time later,
      // then 16 s more, the map has been on screen for less than 20 s; 5 s more, and it has given up.
      await pauseAfter(p.page, /^worker /);
      await p.page.clock.runFor(16_000);
      expect(await fallback()).not.toBe('webgl-timeout');
      await p.page.clock.runFor(5000);
      await p.page.clock.resume();
      // The live SVG map is on screen from the start; the give-up is when it becomes the page's renderer.
      await expect.poll(fallback, { timeout: 30_000 }).toBe('webgl-timeout');
      await waitDrawn(p.page, DATE);
      expect(await renderer(p.page)).toMatchObject({ state: 'ready', date: DATE, svg: true });
      expect(await p.page.evaluate(() => document.getElementById('map')!.dataset.fallbackReason)).toBe('webgl-timeout');
      // The engine's leftovers do not cover the SVG map: a click on a site reaches it.
      await p.page.locator('#map-static [data-site]').first().click();
      expect(await p.page.locator('#site-details').isVisible()).toBe(true);
      expect(appErrors(p)).toEqual([]);
    } finally {
      await p.close();
    }
  });

  it('stays on the SVG map when the context never comes back', async () => {
    const p = await open(site.browser, null);
    try {
      await p.page.clock.install();
      await p.page.goto(`${site.server.url}?date=${DATE}`);
      await waitDrawn(p.page, DATE);
      await p.page.evaluate(() => {
        const canvas = document.querySelector<HTMLCanvasElement>('#map canvas.maplibregl-canvas')!;
        canvas.getContext('webgl2')!.getExtension('WEBGL_lose_context')!.loseContext();
      });
      await waitRenderer(p.page, 'svg');
      // Any retry the app might schedule would run within 30 s of page time (and a frame).
      await p.page.clock.runFor(30_000);
      await p.page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
      expect(await renderer(p.page)).toEqual({ renderer: 'svg', state: 'ready', date: DATE, canvases: 0, svg: true });
      await p.page.locator('.site-list [data-site="ain-al-asad"]').click();
      expect(await p.page.locator('#site-details').isVisible()).toBe(true);
      expect(p.errors).toEqual([]);
    } finally {
      await p.close();
    }
  });
});
