/**
 * Build-time static images: the prerendered map for index.html, and per-phase SVG + PNG images with their
 * alt text in every language (for noscript, og:image and print), all from the same pure renderer.
 */
import { controlBoxes } from '../src/render/frame.ts';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import { LANGS, type Lang } from '../src/data/schema.ts';
import { type AppData, BASEMAP_FILES, type Basemap, DATA_FILES } from '../src/data/types.ts';
import { type DataFileName, type DataOf, validateFile } from '../src/data/validate.ts';
import { addDays } from '../src/data/dates.ts';
import { phaseAt } from '../src/state/selectors.ts';
import { sceneAt } from '../src/scene/scene.ts';
import { renderStaticMap } from '../src/static/render-svg.ts';
import { woffToSfnt } from './woff-to-sfnt.ts';

export interface StaticInputs {
  data: AppData;
  basemap: Partial<Basemap>;
}

/** Image size of the per-phase images and og.png (the Open Graph recommendation). */
export const IMAGE = { width: 1200, height: 630 } as const;

const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));

/**
 * The facts and base map from public/geo, validated by the same schemas as the app. Like the app, the
 * images need the sites, phases and sources (a bad one throws); Ain al-Asad and the zone are drawn when valid.
 */
export function loadStaticInputs(root: string): StaticInputs {
  const geo = join(root, 'public', 'geo');
  const read = <F extends DataFileName>(file: F) => validateFile(file, readJson(join(geo, file)));
  const optional = <F extends DataFileName>(file: F, empty: DataOf<F>): DataOf<F> => {
    try {
      return read(file);
    } catch (err) {
      console.warn(`static images: ${file} left out: ${err instanceof Error ? err.message : String(err)}`);
      return empty;
    }
  };
  const data: AppData = {
    presence: read(DATA_FILES.presence),
    ain: optional(DATA_FILES.ain, { type: 'FeatureCollection', features: [] }),
    zone: optional(DATA_FILES.zone, { type: 'FeatureCollection', features: [] }),
    timeline: read(DATA_FILES.timeline),
    sources: read(DATA_FILES.sources),
  };
  const basemap: Partial<Basemap> = {};
  for (const [key, file] of Object.entries(BASEMAP_FILES) as [keyof Basemap, string][]) {
    try {
      basemap[key] = readJson(join(geo, file)) as Basemap[typeof key];
    } catch {
      // A missing base-map layer leaves a gap in the picture, not a failed build (the app does the same).
    }
  }
  return { data, basemap };
}

/** The newest mtime of the input files, to know when a cached prerender is stale. */
export function inputsStamp(root: string): string {
  const geo = join(root, 'public', 'geo');
  const files = [...Object.values(DATA_FILES), ...Object.values(BASEMAP_FILES)];
  return files
    .map((f) => {
      try {
        return statSync(join(geo, f)).mtimeMs;
      } catch {
        return 0;
      }
    })
    .join(',');
}

/** The date the page opens on: the timeline's `defaultDate` if it has one, else the end of its range. */
export function defaultDate(timeline: AppData['timeline']): string {
  const d = (timeline as { defaultDate?: unknown }).defaultDate;
  return typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d) ? d : timeline.range.end;
}

/** One date per phase: its last day (the range end for the open phase), still inside the phase. */
export function phaseDates(timeline: AppData['timeline']): { id: string; date: string }[] {
  return timeline.phases.map((phase) => {
    let date = phase.end ?? timeline.range.end;
    if (date > timeline.range.end) date = timeline.range.end;
    // Phase ends may be exclusive (the next phase's first day): step back into this phase if so.
    if (phaseAt(timeline, date)?.id !== phase.id) date = addDays(date, -1);
    return { id: phase.id, date };
  });
}

/** The phone map's size at 360 px (src/styles/map.css): what the phone prerender is drawn at. */
export const PHONE_PRERENDER = { width: 360, height: 340 } as const;

/** The prerendered maps and their alt text for index.html (English, light theme, 1000 × 620 and 360 × 340, no legend). */
export function prerender(inputs: StaticInputs): { svg: string; alt: string; date: string; asOf: string } {
  const date = defaultDate(inputs.data.timeline);
  const opts = { ...inputs, date, lang: 'en' as const, theme: 'light' as const, width: 1000, height: 620 };
  const scene = sceneAt(inputs, date, 'en', 'light');
  const asOf = `${scene.fresh.asOfText} · ${scene.fresh.reportingEndsText}`;
  // What will cover it on the page: the map's controls, and the tool bar in its top corner (estimated).
  const reserved = [...controlBoxes(opts.width, opts.height, 'en'), { x0: 0, y0: 0, x1: 400, y1: 46 }];
  const wide = renderStaticMap({ ...opts, scene, fluid: true, idPrefix: 'prerender', reserved });
  // Phones get their own drawing at the phone map's size (map.css: 100 % wide, about as tall), so the
  // first paint is not a letterboxed desktop map with 5 px labels; CSS shows one of the two. Its tool
  // bar sits above the map, so only the map's own controls cover it.
  const phone = renderStaticMap({
    ...opts,
    ...PHONE_PRERENDER,
    scene,
    fluid: true,
    idPrefix: 'prerender-phone',
    reserved: controlBoxes(PHONE_PRERENDER.width, PHONE_PRERENDER.height, 'en'),
  });
  const svg = `${wide.replace(/^<svg /, '<svg class="prerender-wide" ')}${phone.replace(/^<svg /, '<svg class="prerender-phone" ')}`;
  return { svg, alt: scene.alt, date, asOf };
}

const require = createRequire(import.meta.url);

/** Noto Sans and Noto Sans Arabic (regular and semibold) from @fontsource, converted for resvg. */
export function fontBuffers(): Buffer[] {
  const files = [
    ['@fontsource/noto-sans', 'noto-sans-latin'],
    ['@fontsource/noto-sans', 'noto-sans-latin-ext'],
    ['@fontsource/noto-sans-arabic', 'noto-sans-arabic-arabic'],
  ].flatMap(([pkg, stem]) => {
    const dir = join(dirname(require.resolve(`${pkg}/package.json`)), 'files');
    return ['400', '600'].map((w) => join(dir, `${stem}-${w}-normal.woff`));
  });
  return files.map((f) => woffToSfnt(readFileSync(f)));
}

/**
 * resvg anchors text as if every run were left-to-right, while browsers follow SVG's rule that start/end
 * follow `direction`. Swapping the anchors of RTL texts makes the PNG match what a browser draws.
 */
export function forResvg(svg: string): string {
  return svg.replace(/<text\b[^>]*\bdirection="rtl"[^>]*>/g, (tag) =>
    tag.replace(/text-anchor="(start|end)"/, (_m, a: string) => `text-anchor="${a === 'start' ? 'end' : 'start'}"`),
  );
}

// The native binding of @resvg/resvg-js 2.6 reads `fontBuffers` like the wasm one, but its typings omit it.
type FontOptions = NonNullable<ResvgRenderOptions['font']> & { fontBuffers?: Buffer[] };

/** A PNG of an SVG at its own size, with the shipped fonts only (no system fonts: same pixels everywhere). */
export function svgToPng(svg: string, fonts: Buffer[]): Buffer {
  const font: FontOptions = {
    loadSystemFonts: false,
    fontBuffers: fonts,
    defaultFontFamily: 'Noto Sans',
    sansSerifFamily: 'Noto Sans',
  };
  return new Resvg(forResvg(svg), { font, textRendering: 1, shapeRendering: 2 }).render().asPng();
}

export interface ImageEntry {
  /** The phase id, or "og" for the default view. */
  id: string;
  date: string;
  svg: string;
  png: string;
  width: number;
  height: number;
  alt: Record<Lang, string>;
}

/** Writes static/phase-<id>.svg|png, static/og.png and static/images.json under outDir; returns the list. */
export function buildStaticImages({ root, outDir }: { root: string; outDir: string }): ImageEntry[] {
  const inputs = loadStaticInputs(root);
  const dir = join(outDir, 'static');
  mkdirSync(dir, { recursive: true });
  const fonts = fontBuffers();
  const shots = [
    ...phaseDates(inputs.data.timeline).map((p) => ({ id: p.id, date: p.date, name: `phase-${p.id}` })),
    { id: 'og', date: defaultDate(inputs.data.timeline), name: 'og' },
  ];
  const entries: ImageEntry[] = [];
  for (const shot of shots) {
    const svg = renderStaticMap({ ...inputs, ...IMAGE, date: shot.date, lang: 'en', theme: 'light', legend: true });
    writeFileSync(join(dir, `${shot.name}.svg`), svg);
    writeFileSync(join(dir, `${shot.name}.png`), svgToPng(svg, fonts));
    const alt = Object.fromEntries(LANGS.map((lang) => [lang, sceneAt(inputs, shot.date, lang, 'light').alt]));
    entries.push({
      id: shot.id,
      date: shot.date,
      svg: `static/${shot.name}.svg`,
      png: `static/${shot.name}.png`,
      ...IMAGE,
      alt: alt as Record<Lang, string>,
    });
  }
  writeFileSync(join(dir, 'images.json'), `${JSON.stringify({ images: entries }, null, 2)}\n`);
  return entries;
}
