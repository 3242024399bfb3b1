/** Tests on the built output (dist/): files copied, no remote hosts, byte budgets held. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DOWNLOAD_FILES } from '../../src/data/download-files.ts';
import { BASEMAP_FILES, DATA_FILES } from '../../src/data/types.ts';
import { DIST, ROOT } from './fixture.ts';

const budget = JSON.parse(readFileSync(join(ROOT, 'size-budget.json'), 'utf8')) as Record<string, number>;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}
const files = walk(DIST).map((p) => relative(DIST, p));
const gz = (rel: string) => gzipSync(readFileSync(join(DIST, rel)), { level: 9 }).length;
const sum = (list: string[]) => list.reduce((a, f) => a + gz(f), 0);

describe('the built site', () => {
  it('copies the fact files and the base map to /geo/', () => {
    for (const f of [
      'coalition-presence.geojson',
      'ain-al-asad.geojson',
      'ne-syria-threat-zone.geojson',
      'timeline.json',
      'sources.json',
    ]) {
      expect(files).toContain(`geo/${f}`);
    }
    expect(files.filter((f) => f.startsWith('geo/basemap/') && f.endsWith('.geojson')).length).toBeGreaterThanOrEqual(
      7,
    );
  });

  it('writes the downloads next to the page, outside the folders the budgets count', () => {
    for (const f of Object.values(DOWNLOAD_FILES)) {
      expect(files).toContain(f);
      expect(f).toMatch(/^data\/[^/]+$/);
    }
  });

  it('names no remote host in any code, style or page it serves', () => {
    const code = files.filter((f) => /\.(js|mjs|css|html)$/.test(f));
    for (const f of code) {
      const text = readFileSync(join(DIST, f), 'utf8');
      // Things a browser would fetch: <script src>/<link href>/<img src> in pages, url() in styles,
      // fetch()/import()/importScripts() in code. Plain links (maplibre's attribution, the sources) are not requests.
      const pattern = f.endsWith('.html')
        ? /<(?:script|link|img|iframe|source)\b[^>]{0,300}?(?:src|href)=["']?(https?:\/\/[^"'\s>]+)/g
        : f.endsWith('.css')
          ? /url\(\s*["']?(https?:\/\/[^"')\s]+)/g
          : /(?:fetch|import|importScripts)\(\s*[`"'](https?:\/\/[^`"')\s]+)/g;
      const hosts = [...text.matchAll(pattern)].map((m) => m[1]);
      expect(hosts, f).toEqual([]);
    }
  });

  it('keeps the base map, the facts and the first paint within their byte budgets', () => {
    const basemap = sum(files.filter((f) => f.startsWith('geo/basemap/') && f.endsWith('.geojson')));
    const facts = sum(files.filter((f) => /^geo\/[^/]+\.(geojson|json)$/.test(f)));
    const css = files.filter((f) => f.startsWith('assets/') && f.endsWith('.css') && !/maplibre|map-view/.test(f));
    // What the first paint can ask for: the HTML (with the map inline), the style sheet, the entry script
    // and the Latin fonts of the page's text (the rest starts after the paint: src/boot.ts).
    const html = readFileSync(join(DIST, 'index.html'), 'utf8');
    const entry = [...html.matchAll(/<script type="module"[^>]*\ssrc="\.\/(assets\/[^"]+)"/g)].map((m) => m[1]!);
    const latinFonts = files.filter((f) => /noto-sans-latin-(400|600)-normal-.*\.woff2$/.test(f));
    expect(latinFonts).toHaveLength(2);
    const firstPaint = gz('index.html') + sum(css) + sum(entry) + sum(latinFonts);
    expect(basemap, `base map ${basemap} B gz`).toBeLessThanOrEqual(budget.basemap!);
    expect(facts, `facts ${facts} B gz`).toBeLessThanOrEqual(budget.facts!);
    expect(firstPaint, `first paint ${firstPaint} B gz`).toBeLessThanOrEqual(budget.firstPaint!);
  });

  it('keeps the engine, the worker, the app code and the fonts within budget', () => {
    // .mjs too: MapLibre's worker is maplibre-gl-worker-<hash>.mjs.
    const js = files.filter((f) => f.startsWith('assets/') && /\.m?js$/.test(f));
    const worker = js.filter((f) => f.includes('worker'));
    // The map-view chunk is maplibre-gl plus the layer modules; it loads only when the WebGL map starts.
    const engine = js.filter((f) => /map-view|maplibre/.test(f) && !f.includes('worker'));
    const app = js.filter((f) => !worker.includes(f) && !engine.includes(f));
    const fonts = files.filter((f) => f.endsWith('.woff2'));
    expect(sum(worker), 'worker').toBeLessThanOrEqual(budget.engineWorker!);
    expect(sum(engine), 'engine').toBeLessThanOrEqual(budget.engineJs!);
    expect(sum(app), `app js ${app.join(', ')}`).toBeLessThanOrEqual(budget.appJs!);
    expect(sum(fonts), 'fonts').toBeLessThanOrEqual(budget.fonts!);
    const total =
      sum([...js, ...fonts, 'index.html', ...files.filter((f) => f.endsWith('.css'))]) +
      sum(files.filter((f) => f.startsWith('geo/') && /\.(geojson|json)$/.test(f)));
    expect(total, `interactive total ${total}`).toBeLessThanOrEqual(budget.interactiveTotal!);
  });

  it('keeps what the English page fetches for its interactive map within budget', () => {
    // Issue 8: engine, worker, app code, styles, the Latin fonts and the files the loader reads.
    const js = files.filter((f) => f.startsWith('assets/') && /\.m?js$/.test(f));
    const css = files.filter((f) => f.endsWith('.css'));
    const latinFonts = files.filter((f) => /noto-sans-latin-.*\.woff2$/.test(f));
    const data = [...Object.values(DATA_FILES), ...Object.values(BASEMAP_FILES)].map((f) => `geo/${f}`);
    for (const f of data) expect(files, f).toContain(f);
    const total = sum(['index.html', ...js, ...css, ...latinFonts, ...data]);
    expect(total, `interactive page ${total} B gz`).toBeLessThanOrEqual(budget.interactivePage!);
  });

  it('asks for nothing before the prerendered map but the style sheet and a small deferred entry script', () => {
    const html = readFileSync(join(DIST, 'index.html'), 'utf8');
    const svgAt = html.indexOf('<svg', html.indexOf('id="map-static"'));
    expect(svgAt, 'prerendered SVG map in the HTML').toBeGreaterThan(0);
    // Only module scripts (deferred: they never hold up parsing or the paint), and one of them.
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.filter((tag) => !tag.includes('type="module"'))).toEqual([]);
    const entries = [...html.matchAll(/<script type="module"[^>]*\ssrc="\.\/(assets\/[^"]+)"/g)].map((m) => m[1]!);
    expect(entries).toHaveLength(1);
    expect(gz(entries[0]!), 'entry script B gz').toBeLessThanOrEqual(budget.entryScript!);
    // No preloads or prefetches in the HTML: the data and the app start after the first paint (src/boot.ts).
    expect(html).not.toMatch(/rel="(?:preload|modulepreload|prefetch)"/);
    // The same HTML is the embed: a MapLibre file named in it would be fetched by a map far below the fold.
    expect(html).not.toMatch(/maplibre|map-view/);
  });
});
