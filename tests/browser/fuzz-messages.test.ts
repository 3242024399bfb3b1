/**
 * Host messages under fuzzing (issue 9): hundreds of generated and hand-picked hostile payloads posted
 * into the map, from a host page on another origin into the iframe, from a sibling frame, and into a
 * top-level page. Only well-formed commands from the framing window may act; nothing may throw, log
 * an error, pollute a prototype or stop the map from drawing.
 *
 * How "only valid messages act" is measured: a listener added after the app's own records the view
 * (slider day, data-theme, lang) after every message event, so each message is checked on its own.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { frameAt, open, waitReady } from './browser.ts';
import { DIST, useSite } from './fixture.ts';
import { startServer, type TestServer } from './server.ts';

const site = useSite();
let hosts: TestServer;
const timeline = JSON.parse(readFileSync(join(DIST, 'geo', 'timeline.json'), 'utf8')) as {
  range: { start: string; end: string };
};
const DATE = '2025-06-01';
const DAY = 86_400_000;
const dayOf = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY);
const clamp = (iso: string) =>
  iso < timeline.range.start ? timeline.range.start : iso > timeline.range.end ? timeline.range.end : iso;
/** The slider's value for a date: days since the start of the range. */
const sliderDay = (iso: string) => dayOf(clamp(iso)) - dayOf(timeline.range.start);

beforeAll(async () => {
  // The host lives on localhost:B, the map on 127.0.0.1:A: a different origin, as on a news site.
  hosts = await startServer({
    root: DIST,
    overrides: [
      (req, res) => {
        if (!req.url?.startsWith('/host.html')) return false;
        const src = `${site.server.url}?date=${DATE}&embed=1`;
        res
          .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
          .end(
            `<!doctype html><html><head><meta charset="utf-8"><title>Host</title></head><body style="margin:0"><iframe id="map" title="Map" src="${src}" style="width:1000px;height:680px;border:0"></iframe></body></html>`,
          );
        return true;
      },
    ],
  });
});
afterAll(() => hosts?.close());

interface View {
  day: number;
  theme: string;
  lang: string;
}
type Cmd = { type: string; date?: string; theme?: string; lang?: string };

/** Well-formed commands with their effect, sent among the junk in this order. */
const VALID: Cmd[] = [
  { type: 'coalition-map:set-date', date: '2024-10-01' },
  { type: 'coalition-map:set-theme', theme: 'dark' },
  { type: 'coalition-map:set-lang', lang: 'de' },
  { type: 'coalition-map:set-date', date: '2023-01-01' }, // before the range: clamped to its start
  { type: 'coalition-map:set-lang', lang: 'ar' },
  { type: 'coalition-map:set-date', date: '2099-12-31' }, // after it: clamped to its end
  { type: 'coalition-map:set-theme', theme: 'light' },
  { type: 'coalition-map:set-date', date: '2024-02-29' },
  { type: 'coalition-map:set-lang', lang: 'fr' },
  { type: 'coalition-map:set-date', date: '2025-12-01' },
  { type: 'coalition-map:set-lang', lang: 'en' },
  { type: 'coalition-map:set-date', date: '2025-03-01' },
];

/** Installs the recorder in the map's window: the view after each message, and any error. */
function record(target: Page | Frame): Promise<View> {
  return target.evaluate(() => {
    const w = window as unknown as { views: unknown[]; protoSnapshot: string; snapshotProtos: () => string };
    const slider = document.getElementById('date-slider') as HTMLInputElement;
    const snapshot = () =>
      [Object.prototype, Array.prototype, Function.prototype, String.prototype]
        .map((p) =>
          Object.getOwnPropertyNames(p)
            .sort()
            .map((k) => `${k}:${typeof Object.getOwnPropertyDescriptor(p, k)?.value}`)
            .join(','),
        )
        .join('|');
    // Kept for the second reading (recorded()): the same function, taken before any message arrived.
    w.snapshotProtos = snapshot;
    w.protoSnapshot = snapshot();
    w.views = [];
    const view = () => ({
      day: Number(slider.value),
      theme: document.documentElement.dataset.theme ?? '',
      lang: document.documentElement.lang,
    });
    // Added after the app's listener, so it runs after the app has handled the same event.
    addEventListener('message', () => w.views.push(view()));
    return view();
  });
}

const recorded = (target: Page | Frame) =>
  target.evaluate(() => {
    const w = window as unknown as {
      views: View[];
      protoSnapshot: string;
      snapshotProtos: () => string;
      pageErrors?: string[];
    };
    const snapshot = w.snapshotProtos();
    return {
      views: w.views,
      protoChanged: snapshot !== w.protoSnapshot,
      polluted: ({} as Record<string, unknown>).polluted ?? ([] as unknown as Record<string, unknown>).polluted,
      errors: w.pageErrors ?? [],
      state: document.documentElement.dataset.mapState,
    };
  });

/**
 * Posts the fuzz corpus to target ('frame': the iframe #map from its host; 'self': this window) and
 * returns, for every message that could be posted, the index of the valid command it is (or -1).
 */
function fuzz(
  page: Page,
  to: 'frame' | 'self',
  valid: Cmd[],
  seed: number,
): Promise<{ sent: number[]; skipped: number }> {
  return page.evaluate(
    ([to, valid, seed]) => {
      const win = to === 'frame' ? (document.getElementById('map') as HTMLIFrameElement).contentWindow! : window;
      let a = seed >>> 0;
      const r = () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      };
      const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
      const MB = 'x'.repeat(1 << 20);
      const TYPES = ['coalition-map:set-date', 'coalition-map:set-theme', 'coalition-map:set-lang'];
      const KEYS = ['type', 'date', 'theme', 'lang', '__proto__', 'constructor', 'prototype', 'height', 'state', ''];
      const STRINGS = [
        ...TYPES,
        'coalition-map:',
        'coalition-map:ready',
        'coalition-map:state',
        'coalition-map:size',
        'coalition-map:__proto__',
        'set-date',
        '2025-02-30',
        '9999-99-99',
        '0000-00-00',
        '2025-2-3',
        '2025-02-03T00:00:00Z',
        ' 2025-02-03',
        '2025-02-03\n',
        '２０２５-０２-０３',
        'dark',
        'DARK',
        'neon',
        'de',
        'EN',
        'en-US',
        '__proto__',
        'constructor',
        '<script>window.__xss=1</script>',
        '<img src=x onerror="window.__xss=1">',
        'javascript:window.__xss=1',
        '',
        '\u0000',
        '\ud800',
      ];
      // A tiny reference check, only to keep generated junk from being a valid command by chance.
      const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
      const realDate = (s: unknown) => {
        const d = typeof s === 'string' && DATE_RE.test(s) ? new Date(`${s}T00:00:00Z`) : null;
        return !!d && !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s as string);
      };
      const looksValid = (v: unknown) => {
        if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
        const o = v as Record<string, unknown>;
        const keys = Object.keys(o);
        if (keys.length !== 2 || !keys.includes('type')) return false;
        if (o.type === TYPES[0]) return keys.includes('date') && realDate(o.date);
        if (o.type === TYPES[1]) return keys.includes('theme') && ['auto', 'light', 'dark'].includes(o.theme as string);
        if (o.type === TYPES[2]) return keys.includes('lang') && ['en', 'de', 'fr', 'ar'].includes(o.lang as string);
        return false;
      };
      const randomValue = (depth: number): unknown => {
        const k = r();
        if (k < 0.25) return pick(STRINGS);
        if (k < 0.35) return Math.floor(r() * 2 ** 53) * (r() < 0.5 ? -1 : 1);
        if (k < 0.4) return pick([null, undefined, true, false, NaN, Infinity, -0]);
        if (k < 0.45)
          return String.fromCodePoint(
            ...Array.from({ length: Math.floor(r() * 40) }, () => Math.floor(r() * 0x10ffff)),
          );
        if (depth > 3) return pick(STRINGS);
        if (k < 0.6) return Array.from({ length: Math.floor(r() * 4) }, () => randomValue(depth + 1));
        const o: Record<string, unknown> = {};
        for (let i = Math.floor(r() * 4); i >= 0; i--) {
          Object.defineProperty(o, pick(KEYS), {
            value: randomValue(depth + 1),
            enumerable: true,
            writable: true,
            configurable: true,
          });
        }
        return o;
      };
      const nearValid = (): unknown => {
        const type = pick(TYPES);
        const field = type.endsWith('date') ? 'date' : type.endsWith('theme') ? 'theme' : 'lang';
        const o: Record<string, unknown> = { type };
        o[r() < 0.2 ? pick(KEYS) : field] = r() < 0.7 ? pick(STRINGS) : randomValue(2);
        if (r() < 0.3)
          Object.defineProperty(o, pick(KEYS), { value: 1, enumerable: true, writable: true, configurable: true });
        return o;
      };
      const cyclic: Record<string, unknown> = { type: TYPES[0], date: '2024-10-01' };
      cyclic.self = cyclic;
      const manyKeys: Record<string, unknown> = { type: TYPES[0], date: '2024-10-01' };
      for (let i = 0; i < 100_000; i++) manyKeys[`k${i}`] = i;
      let deep: unknown = { type: TYPES[0], date: '2024-10-01' };
      for (let i = 0; i < 5000; i++) deep = { type: TYPES[0], date: deep };
      const handPicked: unknown[] = [
        undefined,
        null,
        true,
        0,
        -0,
        NaN,
        Infinity,
        2n ** 64n,
        '',
        MB,
        `coalition-map:set-date${MB}`,
        'pymxPYMxmapxPYMxwidthxPYMx999999',
        'pymxPYMxmapxPYMxheightxPYMx1e9',
        Symbol('x'), // cannot be cloned: postMessage throws in the sender, never arrives
        () => 1,
        [],
        new Array(1_000_000),
        [{ type: TYPES[0], date: '2024-10-01' }],
        {},
        new Date(),
        /coalition-map:set-date/g,
        new Map([
          ['type', TYPES[0]],
          ['date', '2024-10-01'],
        ]),
        new Set([TYPES[0]]),
        new ArrayBuffer(16),
        new Uint8Array(1 << 20),
        new Blob(['{"type":"coalition-map:set-date","date":"2024-10-01"}']),
        new Error('coalition-map:set-date'),
        JSON.parse('{"__proto__":{"polluted":"yes"},"type":"coalition-map:set-date","date":"2024-10-01"}'),
        JSON.parse('{"type":"coalition-map:set-date","date":"2024-10-01","__proto__":{"polluted":"yes"}}'),
        JSON.parse('{"__proto__":{"polluted":"yes"}}'),
        JSON.parse('{"constructor":{"prototype":{"polluted":"yes"}},"type":"coalition-map:set-theme","theme":"dark"}'),
        JSON.parse('{"type":"coalition-map:set-lang","lang":"de","prototype":{"polluted":"yes"}}'),
        JSON.parse('{"type":"coalition-map:set-lang","lang":"__proto__"}'),
        JSON.parse('{"type":"coalition-map:__proto__","__proto__":"x"}'),
        { type: TYPES[0], date: '2025-02-30' },
        { type: TYPES[0], date: '9999-99-99' },
        { type: TYPES[0], date: '2025-02-03T00:00:00Z' },
        { type: TYPES[0], date: 20250203 },
        { type: TYPES[0], date: ['2024-10-01'] },
        { type: TYPES[0], date: { valueOf: null } },
        { type: TYPES[0], date: new String('2024-10-01') },
        { type: new String(TYPES[0]), date: '2024-10-01' },
        { type: TYPES[0], date: '2024-10-01', extra: undefined },
        { type: TYPES[0], date: `2024-10-01${MB}` },
        { type: `${TYPES[0]}${MB}`, date: '2024-10-01' },
        { type: MB, date: '2024-10-01' },
        { type: 'COALITION-MAP:SET-DATE', date: '2024-10-01' },
        { type: 'set-date', date: '2024-10-01' },
        { type: TYPES[1], theme: 'neon' },
        { type: TYPES[1], theme: 'DARK' },
        { type: TYPES[1], theme: ['dark'] },
        { type: TYPES[2], lang: 'xx' },
        { type: TYPES[2], lang: 'en-US' },
        { type: TYPES[2], lang: 'toString' },
        { type: 'coalition-map:ready', state: { date: '2024-10-01' } },
        { type: 'coalition-map:state', date: '2024-10-01' },
        { type: 'coalition-map:size', height: 1e9 },
        { type: 'coalition-map:destroy' },
        { sentinel: 'amp', type: 'embed-size', height: 1e9 },
        cyclic,
        manyKeys,
        deep,
      ];
      const corpus: unknown[] = [...handPicked];
      for (let i = 0; i < 350; i++) {
        const v = r() < 0.5 ? nearValid() : randomValue(0);
        if (!looksValid(v)) corpus.push(v);
      }
      // Shuffle, then put the valid commands in at even spacing, in order.
      for (let i = corpus.length - 1; i > 0; i--) {
        const j = Math.floor(r() * (i + 1));
        [corpus[i], corpus[j]] = [corpus[j], corpus[i]];
      }
      const plan: [unknown, number][] = corpus.map((v) => [v, -1]);
      const step = Math.floor(plan.length / valid.length);
      for (const [i, cmd] of valid.entries()) plan.splice((i + 1) * step + i, 0, [cmd, i]);
      const sent: number[] = [];
      let skipped = 0;
      for (const [msg, validIndex] of plan) {
        try {
          win.postMessage(msg, '*');
          sent.push(validIndex);
        } catch {
          skipped++; // DataCloneError (symbols, functions) or a stack overflow while cloning: it never leaves
        }
      }
      return { sent, skipped };
    },
    [to, valid, seed] as const,
  );
}

/** The view expected after each message: junk leaves it, a valid command applies its patch. */
function expectedViews(start: View, sent: number[], valid: Cmd[], acts: boolean): View[] {
  let v = { ...start };
  return sent.map((i) => {
    const cmd = i >= 0 && acts ? valid[i] : undefined;
    if (cmd?.date) v = { ...v, day: sliderDay(cmd.date) };
    if (cmd?.theme) v = { ...v, theme: cmd.theme };
    if (cmd?.lang) v = { ...v, lang: cmd.lang };
    return v;
  });
}

/** Records uncaught errors and rejections in every frame (the harness's pageerror sees the top frame). */
const ERRORS_INIT = () => {
  const w = window as unknown as { pageErrors: string[] };
  w.pageErrors = [];
  addEventListener('error', (e) => w.pageErrors.push(`error: ${e.message}`));
  addEventListener('unhandledrejection', (e) => w.pageErrors.push(`rejection: ${String(e.reason)}`));
};

/** The frame showing the map, once it has navigated there. */
function mapFrame(page: Page): Promise<Frame> {
  return frameAt(page, site.server.url);
}

async function waitViews(target: Page | Frame, n: number): Promise<void> {
  await target.waitForFunction((n) => (window as unknown as { views: unknown[] }).views.length >= n, n, {
    timeout: 60_000,
    polling: 100,
  });
}

describe('host messages under fuzzing', () => {
  it('from the host page into the iframe: only the valid commands act, nothing breaks', async () => {
    const p = await open(site.browser, null);
    try {
      await p.page.context().addInitScript(ERRORS_INIT);
      await p.page.goto(`http://localhost:${hosts.port}/host.html`);
      const frame = await mapFrame(p.page);
      await frame.waitForFunction(() => document.documentElement.dataset.mapState === 'ready', undefined, {
        timeout: 60_000,
        polling: 100,
      });
      const start = await record(frame);
      const t0 = Date.now();
      const { sent, skipped } = await fuzz(p.page, 'frame', VALID, 9);
      await waitViews(frame, sent.length);
      const got = await recorded(frame);
      console.info(`fuzz-messages (frame): ${sent.length} posted, ${skipped} not cloneable, ${Date.now() - t0} ms`);
      expect(sent.length).toBeGreaterThan(400);
      expect(sent.filter((i) => i >= 0)).toHaveLength(VALID.length);
      const want = expectedViews(start, sent, VALID, true);
      const wrong = got.views
        .map((v, i) => ({ i, got: v, want: want[i], valid: sent[i] }))
        .filter((x) => JSON.stringify(x.got) !== JSON.stringify(x.want));
      expect(wrong.slice(0, 5)).toEqual([]);
      expect(got.views).toHaveLength(sent.length);
      expect(got.protoChanged).toBe(false);
      expect(got.polluted).toBeUndefined();
      expect(got.errors).toEqual([]);
      // Still drawn, at the last valid date, after all of it.
      await frame.waitForFunction((d) => document.documentElement.dataset.date === d, '2025-03-01', {
        timeout: 30_000,
        polling: 100,
      });
      expect(got.state).toBe('ready');
      expect(await frame.locator('#map canvas.maplibregl-canvas').count()).toBe(1);

      // A sibling frame of the host's origin is not the host: its well-formed command must not act.
      const before = got.views.length;
      await p.page.evaluate(() => {
        const sibling = document.createElement('iframe');
        sibling.srcdoc = `<script>parent.frames[0].postMessage({ type: 'coalition-map:set-date', date: '2024-11-11' }, '*');</script>`;
        document.body.append(sibling);
      });
      // And the map's own window posting to itself is not the host either.
      await frame.evaluate(() => window.postMessage({ type: 'coalition-map:set-theme', theme: 'dark' }, '*'));
      await waitViews(frame, before + 2);
      const after = await recorded(frame);
      expect(after.views.slice(before)).toEqual([want.at(-1), want.at(-1)]);
      expect(p.errors).toEqual([]);
      expect(p.offsite).toEqual([]);
    } finally {
      await p.close();
    }
  });

  it('into a top-level page (no host): nothing acts, not even valid commands, nothing breaks', async () => {
    const p = await open(site.browser, null);
    try {
      await p.page.context().addInitScript(ERRORS_INIT);
      await p.page.goto(`${site.server.url}?date=${DATE}&embed=1&static=1`);
      await waitReady(p.page);
      const start = await record(p.page);
      const { sent } = await fuzz(p.page, 'self', VALID, 10);
      await waitViews(p.page, sent.length);
      const got = await recorded(p.page);
      expect(got.views).toEqual(expectedViews(start, sent, VALID, false));
      expect(got.protoChanged).toBe(false);
      expect(got.polluted).toBeUndefined();
      expect(got.errors).toEqual([]);
      expect(got.state).toBe('ready');
      expect(await p.page.evaluate(() => document.documentElement.dataset.date)).toBe(DATE);
      expect(p.errors).toEqual([]);
    } finally {
      await p.close();
    }
  });
});
