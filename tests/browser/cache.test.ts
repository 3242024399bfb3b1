/**
 * Updates reach every reader and every embed (issue 13, item 7), and the downloads are served (item 8).
 * A copy of the built site in a subfolder of a temp dir, served with the cache headers the README asks a
 * host for (ETag and Last-Modified; `no-cache` for everything but the hashed assets, which are immutable).
 * The page and an embed are loaded, a fact file is changed on disk, and a reload shows the new fact.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOWNLOAD_FILES } from '../../src/data/download-files.ts';
import { launch, waitReady } from './browser.ts';
import { DIST } from './fixture.ts';
import { cacheControlFor, startServer, type TestServer } from './server.ts';

/** Where the site is copied to: not the server's root, as on a newsroom's host. */
const FOLDER = 'news/coalition-map/';
const SITE_ID = 'tower-22';

let dir = '';
let server: TestServer;
let browser: Browser;
/** Every request the server answered since the last reset, with its status. */
let log: { path: string; status: number; conditional: boolean }[] = [];

const presencePath = () => join(dir, FOLDER, 'geo', 'coalition-presence.geojson');
const mapUrl = (query: string) => `${server.url}${FOLDER}${query}`;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'coalition-cache-'));
  cpSync(DIST, join(dir, FOLDER), { recursive: true });
  server = await startServer({
    root: dir,
    caching: true,
    overrides: [
      (req, res) => {
        const path = new URL(req.url ?? '/', 'http://x').pathname;
        const conditional =
          req.headers['if-none-match'] !== undefined || req.headers['if-modified-since'] !== undefined;
        res.on('finish', () => log.push({ path, status: res.statusCode, conditional }));
        if (path !== '/host.html') return false;
        // An article on another origin (localhost, not 127.0.0.1) with the plain iframe embed code.
        const src = mapUrl('?embed=1&lang=en&date=2025-06-01');
        res
          .writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' })
          .end(
            `<!doctype html><title>Article</title><p>Text</p><iframe src="${src}" title="Map" width="100%" height="640"></iframe>`,
          );
        return true;
      },
    ],
  });
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/**
 * A page in a fresh context, watched for errors and for requests off this machine. Not browser.ts's
 * open(): it intercepts every request, and Playwright turns the HTTP cache off while it does.
 */
async function open(url: string) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 700 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('request', (r) => {
    if (!/^(https?:\/\/(127\.0\.0\.1|localhost)(:\d+)?\/|data:|blob:|about:)/.test(r.url()))
      errors.push(`offsite: ${r.url()}`);
  });
  await page.goto(url);
  return { page, errors, close: () => context.close() };
}

/** The name the site list gives a site (the list is in the DOM in the embed too, only not shown). */
const siteName = (target: Page | Frame, id: string) =>
  target.evaluate(
    (siteId) => document.querySelector(`.sites [data-site="${siteId}"] .site-name`)?.textContent ?? null,
    id,
  );

async function frameOf(page: Page): Promise<Frame> {
  await expect.poll(() => page.frames().some((f) => f.url().startsWith(mapUrl(''))), { timeout: 30_000 }).toBe(true);
  return page.frames().find((f) => f.url().startsWith(mapUrl('')))!;
}

/** Polls on a timer: an embedded frame may get no animation frames. */
const frameReady = (frame: Frame) =>
  frame.waitForFunction(() => document.documentElement.dataset.mapState === 'ready', undefined, {
    polling: 100,
    timeout: 60_000,
  });

describe('the cache contract', () => {
  it('matches the README: hashed assets immutable, everything else revalidated', () => {
    expect(cacheControlFor('/news/coalition-map/assets/main-DtvCH0yw.js')).toBe('public, max-age=31536000, immutable');
    for (const path of ['/news/coalition-map/', '/index.html', '/embed.js', '/geo/timeline.json', '/data/README.txt'])
      expect(cacheControlFor(path), path).toBe('no-cache');
  });

  it('shows a changed fact on reload, in the page and in an embed, without a new embed code', async () => {
    const original = readFileSync(presencePath(), 'utf8');
    try {
      const { page, errors, close } = await open(mapUrl('?lang=en'));
      const host = await browser.newPage();
      try {
        await waitReady(page);
        await host.goto(`http://localhost:${server.port}/host.html`);
        const frame = await frameOf(host);
        await frameReady(frame);
        const name = JSON.parse(original).features.find((f: { id: string }) => f.id === SITE_ID).properties.name.en;
        expect(await siteName(page, SITE_ID)).toBe(name);
        expect(await siteName(frame, SITE_ID)).toBe(name);

        // An editor renames the site (still a valid file) and the host copies the new file over the old one.
        const edited = `${name} (renamed in an update)`;
        const json = JSON.parse(original);
        json.features.find((f: { id: string }) => f.id === SITE_ID).properties.name.en = edited;
        writeFileSync(presencePath(), JSON.stringify(json, null, 2));

        log = [];
        await page.reload();
        await waitReady(page);
        await expect.poll(() => siteName(page, SITE_ID), { timeout: 30_000 }).toBe(edited);

        // The real contract, not a cold cache: the reload asked again for the facts, with the validators it
        // kept; the changed file came back whole, the others as 304; the hashed code came from the cache.
        const geo = log.filter((r) => r.path.startsWith(`/${FOLDER}geo/`));
        expect(geo.find((r) => r.path.endsWith('/coalition-presence.geojson'))).toMatchObject({
          status: 200,
          conditional: true,
        });
        expect(geo.filter((r) => r.status === 304).length).toBeGreaterThan(0);
        expect(geo.every((r) => r.conditional)).toBe(true);
        expect(log.filter((r) => r.path.includes('/assets/'))).toEqual([]);

        // The article is reloaded as it is: the same iframe shows the new name.
        await host.reload();
        const reloaded = await frameOf(host);
        await frameReady(reloaded);
        await expect.poll(() => siteName(reloaded, SITE_ID), { timeout: 30_000 }).toBe(edited);
        expect(errors).toEqual([]);
      } finally {
        await host.close();
        await close();
      }
    } finally {
      writeFileSync(presencePath(), original);
    }
  });
});

describe('the downloads', () => {
  it('are linked from the footer relative to the page, served, and parse', async () => {
    const { page, errors, close } = await open(mapUrl('?lang=ar'));
    try {
      await waitReady(page);
      const links = await page.$$eval('#downloads a', (as) =>
        as.map((a) => ({
          href: (a as HTMLAnchorElement).href,
          text: a.textContent,
          download: a.hasAttribute('download'),
        })),
      );
      expect(links.map((l) => l.href)).toEqual(
        [DOWNLOAD_FILES.csv, DOWNLOAD_FILES.geojson, DOWNLOAD_FILES.readme].map((f) => mapUrl(f)),
      );
      expect(links.map((l) => l.text)).toEqual(['CSV', 'GeoJSON', 'الترخيص']);
      expect(links.map((l) => l.download)).toEqual([true, true, false]);
      const fetched = await page.evaluate(
        (hrefs) =>
          Promise.all(
            hrefs.map(async (h) => {
              const res = await fetch(h);
              return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
            }),
          ),
        links.map((l) => l.href),
      );
      expect(fetched.map((f) => f.status)).toEqual([200, 200, 200]);
      expect(fetched.map((f) => f.type?.split(';')[0])).toEqual(['text/csv', 'application/geo+json', 'text/plain']);

      const [csv, geojson, readme] = fetched.map((f) => f.text) as [string, string, string];
      const presence = JSON.parse(readFileSync(presencePath(), 'utf8')) as {
        features: { id: string; properties: { periods: unknown[] } }[];
      };
      const timeline = JSON.parse(readFileSync(join(dir, FOLDER, 'geo', 'timeline.json'), 'utf8')) as { asOf: string };
      // fetch().text() drops the byte-order mark, as a UTF-8 decoder does.
      const rows = parse(csv, { columns: true, bom: true }) as Record<string, string>[];
      expect(rows.map((r) => r.site_id)).toEqual(
        presence.features.flatMap((f) => f.properties.periods.map(() => f.id)),
      );
      const bundle = JSON.parse(geojson) as { type: string; asOf: string; features: { id: string }[] };
      expect(bundle.type).toBe('FeatureCollection');
      expect(bundle.asOf).toBe(timeline.asOf);
      expect(bundle.features.map((f) => f.id)).toEqual(expect.arrayContaining(presence.features.map((f) => f.id)));
      expect(readme).toContain(`(${timeline.asOf})`);
      expect(readme).toMatch(/^Licence$/m);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('follow the language inside an embed and keep pointing at the map, not the host page', async () => {
    const host = await browser.newPage();
    try {
      await host.goto(`http://localhost:${server.port}/host.html`);
      const frame = await frameOf(host);
      await frameReady(frame);
      const texts = () => frame.evaluate(() => document.getElementById('downloads')?.textContent ?? '');
      expect(await texts()).toBe('Download the data: CSV · GeoJSON (licence)');
      await host.evaluate(() =>
        document
          .querySelector('iframe')!
          .contentWindow!.postMessage({ type: 'coalition-map:set-lang', lang: 'de' }, '*'),
      );
      await expect.poll(texts, { timeout: 10_000 }).toBe('Daten herunterladen: CSV · GeoJSON (Lizenz)');
      const hrefs = await frame.$$eval('#downloads a', (as) => as.map((a) => (a as HTMLAnchorElement).href));
      expect(hrefs).toEqual([DOWNLOAD_FILES.csv, DOWNLOAD_FILES.geojson, DOWNLOAD_FILES.readme].map((f) => mapUrl(f)));
    } finally {
      await host.close();
    }
  });
});
