/**
 * Embedding, against real hosts in a real browser: the built map on one origin (127.0.0.1:A), host
 * pages on another (localhost:B) using the real pym.js parent or our embed.js loader.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ElementHandle, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { iframeSnippet } from '../../src/embed/snippets.ts';
import { frameAt, open, waitReady } from './browser.ts';
import { DIST, ROOT, useSite } from './fixture.ts';
import { startServer, type TestServer } from './server.ts';

const HOSTS = join(ROOT, 'tests', 'browser', 'hosts');
const PYM = join(ROOT, 'node_modules', 'pym.js', 'dist', 'pym.v1.min.js');
const DATE = '2025-06-01';

const site = useSite();
let hosts: TestServer;
/** Host pages live on localhost:B, a different origin from the map's 127.0.0.1:A. */
let hostUrl = '';

beforeAll(async () => {
  hosts = await startServer({
    root: HOSTS,
    overrides: [
      (req, res) => {
        const path = new URL(req.url ?? '/', 'http://x').pathname;
        if (path === '/pym.v1.min.js') {
          res.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(PYM));
          return true;
        }
        if (!/^\/[\w-]+\.html$/.test(path)) return false;
        // Host pages name the map by absolute URL, as a newsroom's article would.
        const html = readFileSync(join(HOSTS, path), 'utf8').replaceAll('{{MAP}}', site.server.url);
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
        return true;
      },
    ],
  });
  hostUrl = `http://localhost:${hosts.port}/`;
});
afterAll(() => hosts?.close());

/** The frame showing the map (it may appear only after lazy loading). */
function mapFrame(page: Page, timeout = 30_000): Promise<Frame> {
  return frameAt(page, site.server.url, timeout);
}

/**
 * Waits until attr of the frame's <html> has value. Polls on a timer: Chromium stops animation
 * frames in cross-origin frames that are out of view, so the default rAF polling could wait forever.
 */
async function frameAttr(frame: Frame, attr: string, value: string, timeout = 30_000): Promise<void> {
  await frame.waitForFunction(([a, v]) => document.documentElement.getAttribute(a!) === v, [attr, value], {
    timeout,
    polling: 100,
  });
}

async function frameReady(frame: Frame, timeout = 60_000): Promise<void> {
  await frameAttr(frame, 'data-map-state', 'ready', timeout);
}

/** Waits until the iframe is as tall as its document's content (±2 px, and unlike `not`); returns both. */
async function settle(
  iframe: ElementHandle<Element>,
  frame: Frame,
  not = -1,
): Promise<{ outer: number; content: number }> {
  let last = { outer: 0, content: 0 };
  await expect
    .poll(
      async () => {
        const outer = await iframe.evaluate((e) => e.getBoundingClientRect().height);
        const content = await frame.evaluate(() => document.body.getBoundingClientRect().height);
        last = { outer, content };
        return Math.abs(content - not) < 1 ? Infinity : Math.abs(outer - content);
      },
      { timeout: 20_000, interval: 200 },
    )
    .toBeLessThanOrEqual(2);
  // Nothing hangs out below the frame, and it shows no scroll bar of its own.
  const overflow = await frame.evaluate(() => document.documentElement.scrollHeight - innerHeight);
  expect(overflow).toBeLessThanOrEqual(2);
  return last;
}

type Received = { origin: string; data: Record<string, unknown> };
const received = (page: Page) => page.evaluate(() => (window as unknown as { received: Received[] }).received);

describe('embed mode', () => {
  it('the built page marks its furniture, and ?embed=1 hides it and stays on its origin', async () => {
    const html = readFileSync(join(DIST, 'index.html'), 'utf8');
    expect(html).toMatch(/<header[^>]*data-chrome="page"/);
    const p = await open(site.browser, `${site.server.url}?date=${DATE}&embed=1`);
    try {
      await waitReady(p.page);
      expect(await p.page.locator('header[data-chrome="page"]').isVisible()).toBe(false);
      for (const sel of ['#map-wrap', '#date-slider', 'section.legend', '#source-line', '#share-button']) {
        expect(await p.page.locator(sel).isVisible(), sel).toBe(true);
      }
      const link = p.page.locator('a.open-full');
      expect(await link.getAttribute('href')).toBe(`${site.server.url}?date=${DATE}`);
      expect(await link.getAttribute('target')).toBe('_blank');
      expect(await link.getAttribute('rel')).toContain('noopener');
      expect(p.errors).toEqual([]);
      expect(p.offsite).toEqual([]);
    } finally {
      await p.close();
    }
  });
});

for (const host of ['pym', 'loader'] as const) {
  describe(`a ${host} host`, () => {
    for (const [first, second] of [
      [375, 1000],
      [1000, 375],
    ] as const) {
      it(`sizes the frame to its content at ${first} px, then at ${second} px after a resize`, async () => {
        const p = await open(site.browser, `${hostUrl}${host}.html`, { viewport: { width: first, height: 800 } });
        try {
          const iframe = await p.page.waitForSelector('iframe');
          const frame = await mapFrame(p.page);
          await frameReady(frame);
          const a = await settle(iframe, frame);
          await p.page.setViewportSize({ width: second, height: 800 });
          // A different width gives a different content height, which the host must follow.
          await settle(iframe, frame, a.content);
          expect(p.errors).toEqual([]);
          expect(p.offsite).toEqual([]);
        } finally {
          await p.close();
        }
      });
    }
  });
}

describe('the loader at every width from 300 to 1400 px', () => {
  it('sizes the frame to its content, with nothing cut: map, slider, legend, source line, "Open the full map"', async () => {
    for (const width of [300, 360, 412, 768, 1000, 1200, 1400]) {
      const p = await open(site.browser, `${hostUrl}loader.html`, { viewport: { width, height: 800 } });
      try {
        const iframe = await p.page.waitForSelector('iframe');
        const frame = await mapFrame(p.page);
        await frameReady(frame);
        await settle(iframe, frame);
        const cut = await frame.evaluate(() => {
          const bottom = document.documentElement.clientHeight;
          const right = document.documentElement.clientWidth;
          return ['#map-wrap', '#date-slider', 'section.legend', '#source-line', 'a.open-full']
            .map((sel) => {
              const r = document.querySelector(sel)?.getBoundingClientRect();
              if (!r || r.height === 0) return `${sel} missing`;
              return r.top < 0 || r.bottom > bottom + 1 || r.left < 0 || r.right > right + 1 ? `${sel} cut` : null;
            })
            .filter(Boolean);
        });
        expect(cut, `${width} px`).toEqual([]);
        expect(p.errors).toEqual([]);
      } finally {
        await p.close();
      }
    }
  });
});

describe('panels opened in a frame the host sizes', () => {
  it('scrolls the host page to the table when the reader opens it (loader, 360 px phone)', async () => {
    const p = await open(site.browser, `${hostUrl}loader.html`, { viewport: { width: 360, height: 640 } });
    try {
      const frame = await mapFrame(p.page);
      await frameReady(frame);
      // The loader's frame follows its content: nothing scrolls inside it, only the host page can.
      expect(new URL(frame.url()).searchParams.get('sized')).toBe('1');
      expect(await frame.evaluate(() => document.documentElement.classList.contains('is-fit'))).toBe(false);
      await expect
        .poll(() => p.page.evaluate(() => document.querySelector('iframe')!.getBoundingClientRect().height))
        .toBeGreaterThan(900);
      expect(await p.page.evaluate(() => window.scrollY)).toBe(0);
      await frame.locator('#map-tools [aria-controls="site-table"]').click();
      // The table's top is in the host's window: the host page scrolled to it.
      await expect
        .poll(() =>
          p.page.evaluate(() => {
            const iframe = document.querySelector('iframe')!;
            return iframe.getBoundingClientRect().top;
          }),
        )
        .toBeLessThan(0);
      const tableTop = await frame.evaluate(() => document.getElementById('site-table')!.getBoundingClientRect().top);
      const frameTop = await p.page.evaluate(() => document.querySelector('iframe')!.getBoundingClientRect().top);
      expect(frameTop + tableTop).toBeGreaterThanOrEqual(0);
      expect(frameTop + tableTop).toBeLessThan(640 / 2);
      expect((await received(p.page)).some((m) => m.data.type === 'coalition-map:reveal')).toBe(true);
    } finally {
      await p.close();
    }
  });
});

describe('the host API through the loader', () => {
  it('moves the map on set-date, set-theme and set-lang and reports the state back', async () => {
    const p = await open(site.browser, `${hostUrl}loader.html`);
    try {
      const frame = await mapFrame(p.page);
      await frameReady(frame);
      await expect
        .poll(async () => (await received(p.page)).some((m) => m.data.type === 'coalition-map:ready'))
        .toBe(true);
      const ready = (await received(p.page)).find((m) => m.data.type === 'coalition-map:ready')!;
      expect(ready.origin).toBe(site.server.url.replace(/\/$/, ''));
      expect(ready.data.state).toMatchObject({ date: DATE, lang: 'en', theme: 'auto', site: null });

      const send = (msg: Record<string, unknown>) =>
        p.page.evaluate(
          (m) =>
            (window as unknown as { CoalitionMap: { send(el: Element, m: unknown): boolean } }).CoalitionMap.send(
              document.getElementById('map')!,
              m,
            ),
          msg,
        );
      expect(await send({ type: 'coalition-map:set-date', date: '2025-12-01' })).toBe(true);
      await frameAttr(frame, 'data-date', '2025-12-01');
      await expect
        .poll(async () => (await received(p.page)).filter((m) => m.data.type === 'coalition-map:state').at(-1)?.data)
        .toMatchObject({ type: 'coalition-map:state', date: '2025-12-01', lang: 'en', theme: 'auto', site: null });
      const state = (await received(p.page)).filter((m) => m.data.type === 'coalition-map:state').at(-1)!;
      expect(typeof state.data.phase).toBe('string');

      // The prefix may be left out when going through CoalitionMap.send.
      await send({ type: 'set-theme', theme: 'dark' });
      await frameAttr(frame, 'data-theme', 'dark');
      await send({ type: 'coalition-map:set-lang', lang: 'de' });
      await frameAttr(frame, 'lang', 'de');
      expect(p.errors).toEqual([]);
      expect(p.offsite).toEqual([]);
    } finally {
      await p.close();
    }
  });

  it('ignores junk: strings, __proto__, huge payloads, wrong types, unknown types', async () => {
    const p = await open(site.browser, `${hostUrl}loader.html`);
    try {
      const frame = await mapFrame(p.page);
      await frameReady(frame);
      await p.page.evaluate(() => {
        const win = document.querySelector('iframe')!.contentWindow!;
        const many: Record<string, number> = {};
        for (let i = 0; i < 100_000; i++) many[`k${i}`] = i;
        const junk: unknown[] = [
          'coalition-map:set-date',
          'pymxPYMxmapxPYMxwidthxPYMx999999',
          42,
          null,
          [],
          [{ type: 'coalition-map:set-date', date: '2024-10-01' }],
          JSON.parse('{"__proto__":{"polluted":"yes"},"type":"coalition-map:set-date","date":"2024-10-01"}'),
          JSON.parse(
            '{"type":"coalition-map:set-date","date":"2024-10-01","constructor":{"prototype":{"polluted":1}}}',
          ),
          { type: 'coalition-map:set-date', date: '2025-02-30' },
          { type: 'coalition-map:set-date', date: 20241001 },
          { type: 'coalition-map:set-date', date: { toString: null } },
          { type: 'coalition-map:set-date', date: '2024-10-01'.padEnd(5_000_000, '9') },
          { type: 'coalition-map:set-date', date: '2024-10-01', extra: 1 },
          { type: ['coalition-map:set-date'], date: '2024-10-01' },
          { type: 'coalition-map:set-date'.repeat(1000), date: '2024-10-01' },
          { type: 'coalition-map:set-theme', theme: 'neon' },
          { type: 'coalition-map:set-lang', lang: 'xx' },
          { type: 'coalition-map:destroy' },
          { type: 'coalition-map:size', height: 1e9 },
          { ...many, type: 'coalition-map:set-date', date: '2024-10-01' },
        ];
        for (const m of junk) win.postMessage(m, '*');
        // Messages arrive in order: once this one is drawn, every junk message above has been handled.
        win.postMessage({ type: 'coalition-map:set-date', date: '2025-03-01' }, '*');
      });
      await frameAttr(frame, 'data-date', '2025-03-01');
      expect(await frame.evaluate(() => ({}) as Record<string, unknown>)).toEqual({});
      expect(await frame.evaluate(() => (({}) as Record<string, unknown>).polluted)).toBeUndefined();
      expect(await frame.evaluate(() => document.documentElement.dataset.mapState)).toBe('ready');
      expect(await frame.locator('#map canvas.maplibregl-canvas').count()).toBe(1);
      expect(await frame.evaluate(() => document.documentElement.dataset.theme)).not.toBe('neon');
      expect(p.errors).toEqual([]);
    } finally {
      await p.close();
    }
  });

  it('obeys ?origin=: commands and messages only for the listed origins', async () => {
    const p = await open(site.browser, `${hostUrl}plain.html`);
    try {
      const add = (id: string, origin: string) =>
        p.page.evaluate(
          ([id, src]) => {
            const f = document.createElement('iframe');
            f.id = id!;
            f.src = src!;
            f.style.cssText = 'width:100%;height:640px;border:0';
            document.getElementById('article')!.append(f);
          },
          [id, `${site.server.url}?date=${DATE}&embed=1&static=1&origin=${encodeURIComponent(origin)}`],
        );
      await add('allowed', hostUrl.replace(/\/$/, ''));
      await add('other', 'https://news.example');
      // The frames by the address they loaded (the element's contentFrame may still be about:blank).
      const byOrigin = async (origin: string) => {
        await expect.poll(() => p.page.frames().some((f) => f.url().includes(encodeURIComponent(origin)))).toBe(true);
        return p.page.frames().find((f) => f.url().includes(encodeURIComponent(origin)))!;
      };
      const allowed = await byOrigin(hostUrl.replace(/\/$/, ''));
      const other = await byOrigin('https://news.example');
      await Promise.all([frameReady(allowed), frameReady(other)]);
      // A marker the host sends to the other frame right after the command: messages from one window
      // to another arrive in order, so once the marker is in, the command has been handled, and the
      // slider (which follows the state at once) would show its date if the frame had obeyed.
      await other.evaluate(() => {
        (window as unknown as { afterCommand: Promise<void> }).afterCommand = new Promise<void>((done) => {
          addEventListener('message', function marker(e) {
            if (e.data !== 'test:after-command') return;
            removeEventListener('message', marker);
            done();
          });
        });
      });
      await p.page.evaluate(() => {
        for (const id of ['allowed', 'other']) {
          const win = (document.getElementById(id) as HTMLIFrameElement).contentWindow!;
          win.postMessage({ type: 'coalition-map:set-date', date: '2025-12-01' }, '*');
        }
        (document.getElementById('other') as HTMLIFrameElement).contentWindow!.postMessage('test:after-command', '*');
      });
      await frameAttr(allowed, 'data-date', '2025-12-01');
      await other.evaluate(() => (window as unknown as { afterCommand: Promise<void> }).afterCommand);
      expect(await other.evaluate(() => document.documentElement.dataset.date)).toBe(DATE);
      expect(await other.locator('#date-slider').getAttribute('aria-valuetext')).not.toMatch(/December 2025/);
      // Only the allowed frame talks to this host (the other one speaks to news.example only).
      const received = () =>
        p.page.evaluate(() =>
          (window as unknown as { received: { data: { type: string; date?: string } }[] }).received.map((m) => m.data),
        );
      // The state message is debounced: polled for.
      await expect
        .poll(async () => (await received()).some((d) => d.type === 'coalition-map:state' && d.date === '2025-12-01'))
        .toBe(true);
      const sources = await received();
      expect(sources.filter((d) => d.type === 'coalition-map:ready')).toHaveLength(1);
      expect(p.errors).toEqual([]);
    } finally {
      await p.close();
    }
  });
});

describe('AMP', () => {
  it('sends embed-size only inside an amp-iframe, recognised by its #amp=1 fragment and frame name', async () => {
    const p = await open(site.browser, `${hostUrl}plain.html`);
    try {
      await p.page.evaluate(
        ([base, date]) => {
          const w = window as unknown as { amp: { name: string; height: number }[]; sized: string[] };
          w.amp = [];
          w.sized = [];
          addEventListener('message', (e) => {
            const frame = [...document.querySelectorAll('iframe')].find((f) => f.contentWindow === e.source);
            // Our own size message goes out with AMP's, from every frame: the sign that a frame has sized.
            if (e.data?.type === 'coalition-map:size') w.sized.push(frame?.name ?? '?');
            if (e.data?.sentinel !== 'amp' || e.data.type !== 'embed-size') return;
            w.amp.push({ name: frame?.name ?? '?', height: e.data.height });
          });
          // What amp-iframe does to the frames it creates: a name and, when the src has none, #amp=1.
          for (const [name, hash] of [
            ['amp_iframe0', '#amp=1'],
            ['plain', ''],
          ]) {
            const f = document.createElement('iframe');
            f.name = name!;
            f.src = `${base}?date=${date}&embed=1&static=1${hash}`;
            f.style.cssText = 'width:100%;height:300px;border:0';
            document.getElementById('article')!.append(f);
          }
        },
        [site.server.url, DATE],
      );
      const amp = () => p.page.evaluate(() => (window as unknown as { amp: { name: string; height: number }[] }).amp);
      await expect.poll(async () => (await amp()).length, { timeout: 30_000 }).toBeGreaterThan(0);
      // The plain frame has sized itself too (it would have sent embed-size then), and AMP's message of
      // each size went out in the same call as ours, so nothing more is on its way.
      const sized = () => p.page.evaluate(() => (window as unknown as { sized: string[] }).sized);
      await expect.poll(sized, { timeout: 30_000 }).toContain('plain');
      const sent = await amp();
      expect(new Set(sent.map((m) => m.name))).toEqual(new Set(['amp_iframe0']));
      expect(sent.every((m) => Number.isInteger(m.height) && m.height > 300)).toBe(true);
      expect(p.errors).toEqual([]);
    } finally {
      await p.close();
    }
  });
});

describe('the iframe alone and the embed dialog', () => {
  for (const width of [375, 1000]) {
    it(`the iframe-only snippet shows map and slider within its fixed height at ${width} px`, async () => {
      const p = await open(site.browser, `${hostUrl}plain.html`, { viewport: { width, height: 800 } });
      try {
        const snippet = iframeSnippet(site.server.url, { date: DATE, lang: 'en', theme: 'auto' }, 'Map');
        // Test host only: the snippet is pasted as a newsroom CMS would paste it.
        await p.page.evaluate(
          (html) => document.getElementById('article')!.insertAdjacentHTML('beforeend', html),
          snippet,
        );
        const frame = await mapFrame(p.page);
        await frameReady(frame);
        const iframe = (await p.page.$('iframe'))!;
        expect(await iframe.evaluate((e) => e.getBoundingClientRect().height)).toBe(640);
        const measure = () =>
          frame.evaluate(() => ({
            map: document.getElementById('map-wrap')!.getBoundingClientRect().bottom,
            slider: document.getElementById('date-slider')!.getBoundingClientRect().bottom,
            inner: innerHeight,
          }));
        // Polled: the layout may still settle for a frame after the map reports ready.
        await expect
          .poll(async () => {
            const b = await measure();
            return b.map <= b.inner && b.slider <= b.inner;
          })
          .toBe(true);
        const bottoms = await measure();
        expect(bottoms.map).toBeLessThanOrEqual(bottoms.inner);
        expect(bottoms.slider).toBeLessThanOrEqual(bottoms.inner);
        expect(p.errors).toEqual([]);
      } finally {
        await p.close();
      }
    });
  }

  it('the Embed dialog writes both snippets for the view, copies, closes on Esc and returns focus', async () => {
    const p = await open(site.browser, `${site.server.url}?date=${DATE}&site=ain-al-asad`, {
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    try {
      await waitReady(p.page);
      await p.page.locator('#share-button').click();
      await p.page.locator('#embed-button').click();
      const dialog = p.page.locator('dialog.embed-dialog');
      await dialog.waitFor({ state: 'visible' });
      expect(await dialog.evaluate((d) => (d as HTMLDialogElement).open && d.matches(':modal'))).toBe(true);
      const iframeCode = p.page.locator('#embed-code-iframe');
      const loaderCode = p.page.locator('#embed-code-loader');
      expect(await iframeCode.inputValue()).toContain(`src="${site.server.url}?date=${DATE}&amp;lang=en&amp;embed=1"`);
      expect(await iframeCode.inputValue()).not.toContain('site=');
      expect(await loaderCode.inputValue()).toContain(`<script async src="${site.server.url}embed.js"></script>`);

      await p.page.locator('#embed-lang').selectOption('de');
      await p.page.locator('#embed-theme').selectOption('dark');
      await p.page.locator('#embed-date').fill('2025-10-15');
      await p.page.locator('#embed-date').dispatchEvent('change');
      const code = await iframeCode.inputValue();
      expect(code).toContain('?date=2025-10-15&amp;lang=de&amp;theme=dark&amp;embed=1');
      expect(code).toContain('title="Die Koalition im Irak');
      expect(await loaderCode.inputValue()).toContain('data-date="2025-10-15" data-lang="de" data-theme="dark"');

      await p.page.locator('.embed-snippet').nth(1).getByRole('button').click();
      await expect.poll(() => p.page.locator('.embed-status').textContent()).toBe('Copied');
      expect(await p.page.evaluate(() => navigator.clipboard.readText())).toBe(await loaderCode.inputValue());

      // Tab moves through the dialog's controls without getting stuck on one.
      const seen = new Set<string>();
      for (let i = 0; i < 12; i++) {
        await p.page.keyboard.press('Tab');
        seen.add(await p.page.evaluate(() => document.activeElement?.id || document.activeElement?.textContent || ''));
      }
      expect(seen.size).toBeGreaterThan(4);

      await p.page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      expect(await p.page.evaluate(() => document.activeElement?.id)).toBe('embed-button');
      expect(p.errors).toEqual([]);
    } finally {
      await p.close();
    }
  });
});

describe('a map below the fold', () => {
  // The engine: any JS file of the build that carries MapLibre (the map-view chunk, the worker).
  const engine = readdirSync(join(DIST, 'assets'))
    .filter((f) => /\.m?js$/.test(f) && readFileSync(join(DIST, 'assets', f), 'utf8').includes('maplibre'))
    .map((f) => `assets/${f}`);
  const isEngine = (url: string) => url.includes('maplibre') || engine.some((f) => url.endsWith(f));

  it('fetches no MapLibre bytes until scrolled near, then reaches ready', async () => {
    expect(engine.length).toBeGreaterThan(0);
    const p = await open(site.browser, null);
    try {
      const requests: string[] = [];
      p.page.on('request', (r) => requests.push(r.url()));
      await p.page.goto(`${hostUrl}below-fold.html`);
      // Everything the page does before the reader scrolls has happened: embed.js has made the frame,
      // and the host page and (if the lazy frame has loaded anyway) the map page have loaded and their
      // network has gone quiet: an engine fetched too early would have been requested by then.
      await p.page.locator('#map iframe').waitFor({ state: 'attached' });
      await p.page.waitForLoadState('networkidle');
      const early = p.page.frames().find((f) => f.url().startsWith(site.server.url));
      if (early) await early.waitForLoadState('networkidle');
      expect(requests.filter(isEngine)).toEqual([]);
      await p.page.locator('#map').scrollIntoViewIfNeeded();
      const frame = await mapFrame(p.page);
      await frameReady(frame);
      expect(requests.filter(isEngine).length).toBeGreaterThan(0);
      expect(await frame.locator('#map canvas.maplibregl-canvas').count()).toBe(1);
      expect(p.errors).toEqual([]);
      expect(p.offsite).toEqual([]);
    } finally {
      await p.close();
    }
  });
});
