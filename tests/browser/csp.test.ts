/**
 * Strict hosts (issue 9): the built site under a strict Content-Security-Policy (no 'unsafe-inline',
 * no 'unsafe-eval'), inside a sandboxed iframe with an opaque origin, and with storage and cookies
 * blocked. It must draw with no CSP violation, set no cookie, touch no storage and ask nothing of
 * any other origin.
 */
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { frameAt, launch, type OpenedPage, open, waitDrawn, waitReady } from './browser.ts';
import { DIST, useSite } from './fixture.ts';
import { startServer, type TestServer } from './server.ts';

/** The policy from issue 9, without any 'unsafe-inline': everything the site needs is a file of its own. */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  'frame-ancestors *',
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const DATE = '2025-06-01';
const site = useSite({ headers: { 'content-security-policy': CSP } });
let hosts: TestServer;
/** The same build and policy, plus CORS for the opaque origin of a sandboxed frame (see the last test). */
let corsSite: TestServer;

beforeAll(async () => {
  hosts = await startServer({
    root: DIST,
    overrides: [
      (req, res) => {
        const u = new URL(req.url ?? '/', 'http://x');
        if (u.pathname !== '/sandbox.html') return false;
        const src = `${u.searchParams.get('map')}?date=${DATE}&embed=1${u.searchParams.get('extra') ?? ''}`;
        res
          .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
          .end(
            `<!doctype html><html><head><meta charset="utf-8"><title>Host</title></head><body><iframe title="Map" sandbox="allow-scripts" src="${src}" width="1000" height="680"></iframe></body></html>`,
          );
        return true;
      },
    ],
  });
  corsSite = await startServer({
    root: DIST,
    headers: { 'content-security-policy': CSP, 'access-control-allow-origin': '*' },
  });
});
afterAll(async () => {
  await hosts?.close();
  await corsSite?.close();
});

/**
 * Before any script of the page: record CSP violations, and make every storage API throw (as with
 * third-party storage blocked) while counting who asks for it.
 */
const STRICT_INIT = () => {
  const w = window as unknown as { csp: string[]; storage: string[] };
  w.csp = [];
  w.storage = [];
  addEventListener(
    'securitypolicyviolation',
    (e) =>
      w.csp.push(
        `${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber} ${e.sample}`,
      ),
    true,
  );
  const blocked = (name: string) => () => {
    w.storage.push(name);
    throw new DOMException(`${name} is blocked`, 'SecurityError');
  };
  for (const name of ['localStorage', 'sessionStorage', 'indexedDB', 'caches'] as const) {
    Object.defineProperty(window, name, { configurable: true, get: blocked(name) });
  }
  Object.defineProperty(Document.prototype, 'cookie', {
    configurable: true,
    get: blocked('cookie'),
    set: blocked('cookie'),
  });
};

interface Strictness {
  csp: string[];
  storage: string[];
}
const strictness = (target: Page | Frame): Promise<Strictness> =>
  target.evaluate(() => {
    const w = window as unknown as Strictness;
    return { csp: w.csp, storage: w.storage };
  });

/** No CSP violation, no storage or cookie, no error and no request off the origin. */
async function expectClean(p: OpenedPage): Promise<void> {
  expect(await strictness(p.page)).toEqual({ csp: [], storage: [] });
  expect(await p.page.context().cookies()).toEqual([]);
  expect(p.errors).toEqual([]);
  expect(p.offsite).toEqual([]);
}

/** Everything a reader does in a session, on whichever renderer is up. */
async function useTheMap(page: Page): Promise<void> {
  await page.locator('#date-slider').focus();
  await page.keyboard.press('End');
  await page.keyboard.press('PageDown');
  await page.locator('.site-list [data-site]').first().click();
  await page.locator('#share-button').click();
  await page.locator('#embed-button').click();
  await page.locator('dialog.embed-dialog').waitFor({ state: 'visible' });
  await page.keyboard.press('Escape');
  await page.locator('dialog.embed-dialog').waitFor({ state: 'detached' });
  await page.evaluate(() => {
    history.replaceState(null, '', `${location.pathname}?date=2024-10-15&lang=ar&theme=dark`);
    dispatchEvent(new PopStateEvent('popstate'));
  });
  await waitDrawn(page, '2024-10-15');
  // On wide screens the table takes the map's place: open it last.
  await page.locator('button[aria-controls="site-table"]').click();
}

describe('under a strict Content-Security-Policy', () => {
  it('the WebGL map draws and works with no violation, no cookie, no storage, no other origin', async () => {
    const p = await open(site.browser, null);
    try {
      await p.page.context().addInitScript(STRICT_INIT);
      const response = await p.page.goto(`${site.server.url}?date=${DATE}`);
      expect(response?.headers()['content-security-policy']).toBe(CSP);
      await waitDrawn(p.page, DATE);
      expect(await p.page.locator('#map canvas.maplibregl-canvas').count()).toBe(1);
      await useTheMap(p.page);
      await expectClean(p);
    } finally {
      await p.close();
    }
  });

  it('the SVG map (forced, then after a lost context) draws with no violation', async () => {
    const p = await open(site.browser, null);
    try {
      await p.page.context().addInitScript(STRICT_INIT);
      await p.page.goto(`${site.server.url}?date=${DATE}&static=1`);
      await waitDrawn(p.page, DATE);
      expect(await p.page.locator('#map-static svg').count()).toBe(1);
      await useTheMap(p.page);
      await p.page.goto(`${site.server.url}?date=${DATE}`);
      await waitDrawn(p.page, DATE);
      await p.page.evaluate(() =>
        document
          .querySelector<HTMLCanvasElement>('#map canvas')!
          .getContext('webgl2')!
          .getExtension('WEBGL_lose_context')!
          .loseContext(),
      );
      await p.page.waitForFunction(() => document.getElementById('map')!.dataset.renderer === 'svg');
      await waitReady(p.page);
      await expectClean(p);
    } finally {
      await p.close();
    }
  });
});

describe('in a sandboxed iframe (allow-scripts only: an opaque origin, no storage, no history)', () => {
  async function sandboxed(
    browser: Browser,
    map: string,
    extra = '',
  ): Promise<{ frame: Frame; close(): Promise<void>; errors: string[]; offsite: string[] }> {
    const p = await open(browser, null);
    await p.page.context().addInitScript(STRICT_INIT);
    await p.page.goto(
      `http://localhost:${hosts.port}/sandbox.html?map=${encodeURIComponent(map)}&extra=${encodeURIComponent(extra)}`,
    );
    const frame = await frameAt(p.page, map);
    return { frame, close: p.close, errors: p.errors, offsite: p.offsite };
  }
  const frameState = (frame: Frame) =>
    frame
      .waitForFunction(() => ['ready', 'error'].includes(document.documentElement.dataset.mapState ?? ''), undefined, {
        timeout: 60_000,
        polling: 100,
      })
      .then(() =>
        frame.evaluate(() => ({
          state: document.documentElement.dataset.mapState,
          date: document.documentElement.dataset.date,
          renderer: document.getElementById('map')!.dataset.renderer,
          reason: document.getElementById('map')!.dataset.fallbackReason,
          origin: origin,
        })),
      );

  for (const extra of ['', '&static=1']) {
    it(`draws the SVG map${extra ? ' (forced)' : ' (the engine cannot start a worker there)'} when the site sends CORS headers`, async () => {
      const s = await sandboxed(site.browser, corsSite.url, extra);
      try {
        const got = await frameState(s.frame);
        expect(got).toEqual({
          state: 'ready',
          date: DATE,
          renderer: 'svg',
          reason: extra ? 'forced' : 'opaque-origin',
          origin: 'null',
        });
        // Moving the slider changes the view even though the history API refuses an opaque origin.
        await s.frame.locator('#date-slider').focus();
        await s.frame.locator('#date-slider').press('End');
        await s.frame.waitForFunction(() => document.documentElement.dataset.date !== '2025-06-01', undefined, {
          timeout: 30_000,
          polling: 100,
        });
        expect(await strictness(s.frame)).toEqual({ csp: [], storage: [] });
        expect(s.errors).toEqual([]);
        expect(s.offsite).toEqual([]);
      } finally {
        await s.close();
      }
    });
  }
});

describe('with third-party cookies blocked by the browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch(['--test-third-party-cookie-phaseout']);
  });
  afterAll(() => browser?.close());

  it('draws in a cross-origin iframe and sets no cookie', async () => {
    const p = await open(
      browser,
      `http://localhost:${hosts.port}/sandbox.html?map=${encodeURIComponent(corsSite.url)}&extra=${encodeURIComponent('&static=1')}`,
    );
    try {
      await p.page.waitForFunction(() => document.querySelector('iframe'));
      const frame = await frameAt(p.page, corsSite.url);
      await frame.waitForFunction(() => document.documentElement.dataset.mapState === 'ready', undefined, {
        timeout: 60_000,
        polling: 100,
      });
      expect(await p.page.context().cookies()).toEqual([]);
      expect(p.errors).toEqual([]);
    } finally {
      await p.close();
    }
  });
});
