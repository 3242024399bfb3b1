/**
 * Broken data at run time (issue 9), without a browser: loadAll with an injected fetch that fails in
 * every way a server or network can. It never rejects, names each file it could not use, keeps the
 * optional ones optional, and lets no `__proto__` key through to the app.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { type FetchLike, loadAll, MAX_FILE_BYTES } from '../../src/data/load.ts';
import { BASEMAP_FILES, DATA_FILES } from '../../src/data/types.ts';
import { describeProblems } from '../../src/ui/error-view.ts';

const GEO = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'public', 'geo');
const BASE = 'https://maps.example/geo/';
const ALL = [...Object.values(DATA_FILES), ...Object.values(BASEMAP_FILES)];
const real = (file: string) => readFileSync(join(GEO, file), 'utf8');

type Reply = (init?: { signal?: AbortSignal }) => Promise<Response>;
const ok =
  (text: string, headers: Record<string, string> = {}): Reply =>
  async () =>
    new Response(text, { headers });
const status =
  (code: number): Reply =>
  async () =>
    new Response('nope', { status: code });
const networkDown: Reply = async () => {
  throw new TypeError('Failed to fetch');
};
/** Answers only when aborted, like a request that stalls until the app's timeout. */
const stalled: Reply = (init) =>
  new Promise((_, reject) =>
    init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
  );

/** A fetch that serves the real files except where `replies` says otherwise; records the order of requests. */
function fakeFetch(replies: Record<string, Reply> = {}): FetchLike & { asked: string[] } {
  const asked: string[] = [];
  const fn = (async (url: string, init?: { signal?: AbortSignal }) => {
    const file = url.slice(BASE.length);
    asked.push(file);
    const reply = replies[file];
    return reply ? reply(init) : new Response(real(file));
  }) as FetchLike & { asked: string[] };
  fn.asked = asked;
  return fn;
}

const FAILURES: [string, Reply, RegExp][] = [
  ['HTTP 404', status(404), /^HTTP 404$/],
  ['HTTP 500', status(500), /^HTTP 500$/],
  ['cut off', ok('{"type":"FeatureCollection","features":[{"type":"Fea'), /not valid JSON/],
  ['an HTML page', ok('<!doctype html><title>404</title>'), /not valid JSON/],
  ['empty', ok(''), /^empty file$/],
  ['whitespace', ok(' \n\t '), /^empty file$/],
  ['null', ok('null'), /./],
  ['a number', ok('42'), /./],
  ['an array', ok('[]'), /./],
  ['wrong shape', ok('{"type":"FeatureCollection","features":"none"}'), /./],
  ['a network error', networkDown, /^network error$/],
  ['too large (content-length)', ok('{}', { 'content-length': String(MAX_FILE_BYTES + 1) }), /^file too large$/],
];

describe('loadAll with broken files', () => {
  it('loads the real files without a problem', async () => {
    const r = await loadAll(fakeFetch(), BASE);
    expect(r.problems.filter((p) => p.file !== 'consistency')).toEqual([]);
    expect(r.data).not.toBeNull();
    expect(Object.keys(r.basemap).sort()).toEqual(Object.keys(BASEMAP_FILES).sort());
  });

  for (const file of ['coalition-presence.geojson', 'timeline.json', 'sources.json']) {
    it.each(FAILURES)(`required ${file}: %s gives no data and names the file`, async (_, reply, message) => {
      const r = await loadAll(fakeFetch({ [file]: reply }), BASE);
      expect(r.data).toBeNull();
      const problem = r.problems.find((p) => p.file === file);
      expect(problem?.message).toMatch(message);
      expect(r.problems.filter((p) => p.file !== file && p.file !== 'consistency')).toEqual([]);
    });
  }

  for (const file of ['ain-al-asad.geojson', 'ne-syria-threat-zone.geojson']) {
    it.each(FAILURES)(`optional ${file}: %s draws the rest with an empty layer`, async (_, reply, message) => {
      const r = await loadAll(fakeFetch({ [file]: reply }), BASE);
      expect(r.data).not.toBeNull();
      const key = file.startsWith('ain') ? 'ain' : 'zone';
      expect(r.data![key]).toEqual({ type: 'FeatureCollection', features: [] });
      expect(r.problems.find((p) => p.file === file)?.message).toMatch(message);
    });
  }

  it.each(FAILURES)('a base-map file: %s leaves that layer out', async (_, reply, message) => {
    const r = await loadAll(fakeFetch({ 'basemap/rivers.geojson': reply }), BASE);
    expect(r.data).not.toBeNull();
    expect(r.basemap.rivers).toBeUndefined();
    expect(r.basemap.countries?.type).toBe('FeatureCollection');
    expect(r.problems.find((p) => p.file === 'basemap/rivers.geojson')?.message).toMatch(message);
  });

  it('reports "timed out" for stalled files once the signal aborts, and never rejects', async () => {
    const controller = new AbortController();
    const fetch = fakeFetch({ 'timeline.json': stalled, 'basemap/lakes.geojson': stalled });
    const pending = loadAll(fetch, BASE, controller.signal);
    // Aborted once both stalled files have been asked for (they are then in flight, never answered).
    await vi.waitFor(() =>
      expect(fetch.asked).toEqual(expect.arrayContaining(['timeline.json', 'basemap/lakes.geojson'])),
    );
    controller.abort();
    const r = await pending;
    expect(r.data).toBeNull();
    expect(r.problems).toEqual(
      expect.arrayContaining([
        { file: 'timeline.json', message: 'timed out' },
        { file: 'basemap/lakes.geojson', message: 'timed out' },
      ]),
    );
  });

  it('asks for every file at once, not the base map after the facts', async () => {
    let release = () => {};
    const gate = new Promise<void>((ok) => {
      release = ok;
    });
    const slowFacts: Reply = async () => {
      await gate;
      return new Response(real('timeline.json'));
    };
    const fetch = fakeFetch({ 'timeline.json': slowFacts });
    const pending = loadAll(fetch, BASE);
    // While timeline.json is held, every other file is asked for too (a loader that waited for the
    // facts before the base map would never ask, and this would time out).
    await vi.waitFor(() => expect(new Set(fetch.asked)).toEqual(new Set(ALL)));
    release();
    expect((await pending).data).not.toBeNull();
  });

  it('never rejects when every file fails at once, whatever the failure', async () => {
    for (const [name, reply] of FAILURES) {
      const r = await loadAll(fakeFetch(Object.fromEntries(ALL.map((f) => [f, reply]))), BASE);
      expect(r.data, name).toBeNull();
      expect(r.problems.map((p) => p.file).sort(), name).toEqual([...ALL].sort());
    }
  });
});

describe('prototype pollution through the data', () => {
  it('drops __proto__, constructor and prototype keys in every fact file', async () => {
    const evil = '"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"prototype":{"x":1},';
    const poison = (file: string) => ok(real(file).replaceAll(/\{(?=\s*")/g, `{${evil}`));
    const r = await loadAll(fakeFetch(Object.fromEntries(Object.values(DATA_FILES).map((f) => [f, poison(f)]))), BASE);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(r.problems.filter((p) => p.file !== 'consistency')).toEqual([]);
    expect(r.data).not.toBeNull();
    // Walk everything the app will read: no object has one of those keys or a foreign prototype.
    const seen: string[] = [];
    const walk = (v: unknown, path: string) => {
      if (typeof v !== 'object' || v === null) return;
      if (!Array.isArray(v) && Object.getPrototypeOf(v) !== Object.prototype) seen.push(`${path}: prototype`);
      for (const k of Object.keys(v)) {
        if (k === '__proto__' || k === 'constructor' || k === 'prototype') seen.push(`${path}.${k}`);
        walk((v as Record<string, unknown>)[k], `${path}.${k}`);
      }
    };
    walk(r.data, 'data');
    expect(seen).toEqual([]);
  });
});

describe('describeProblems', () => {
  it('keeps a message short however many problems there are', () => {
    const many = Array.from({ length: 300 }, (_, i) => `timeline.json: phases[${i}].start: not a real calendar date`);
    const text = describeProblems([
      { file: 'timeline.json', message: many.join('\n') },
      { file: 'sources.json', message: 'x'.repeat(10_000) },
      ...Array.from({ length: 20 }, (_, i) => ({ file: `basemap/f${i}.geojson`, message: 'HTTP 404' })),
    ]);
    expect(text.length).toBeLessThan(700);
    expect(text).toContain('timeline.json (timeline.json: phases[0].start: not a real calendar date (+299))');
    expect(text).toContain('sources.json (xxx');
    expect(text).toMatch(/\+14$/);
  });
});
