/**
 * "Download image": the current date, language, selection and camera as a PNG an editor can publish, drawn by
 * the SVG renderer (so it matches the map and needs no WebGL): the headline and "facts as of" line,
 * the map with its legend and source line, and a credit line with the map's address. Always in the
 * light palette, like print. Loaded on the first click (src/ui/share-menu.ts).
 *
 * The SVG becomes an image through an <img> and a canvas. An SVG image may not load anything, so the
 * shipped Noto fonts go inside it as data URLs (read from the page's own @font-face rules).
 */
import { asOf, reportingEndsFor } from '../data/freshness.ts';
import type { AppData, Basemap } from '../data/types.ts';
import { formatDate, t } from '../i18n/index.ts';
import type { Scene } from '../scene/scene.ts';
import { esc } from '../static/svg-escape.ts';
import { FONT_FAMILY, renderStaticMap } from '../static/render-svg.ts';
import { isFitted, viewForFrame } from '../state/view.ts';

export interface ImageOptions {
  data: AppData;
  basemap: Partial<Basemap>;
  /** The scene to draw (the current date and language, light palette). */
  scene: Scene;
  /** Width of the PNG in pixels: the layout is 1200 px wide and scaled to this. */
  width: number;
  /** The address of this view, for the credit line. */
  link: string;
  selected?: string | null;
  /**
   * The reader's camera and the size of the map it is seen in, when they have panned or zoomed: the
   * image then shows that view (all of it, at the image's size); the whole region otherwise.
   */
  camera?: { center: [number, number]; zoom: number; width: number; height: number } | null;
}

/** The layout's own width: a 2400 px image is the same drawing at twice the scale. */
export const LAYOUT_WIDTH = 1200;
const MAP_HEIGHT = 720;
const PAD = 24;
const TITLE_SIZE = 26;
const LINE = 1.3;

/** Splits text into lines no wider than max, by the browser's metrics of the shipped font. */
function wrap(text: string, max: number, font: string): string[] {
  const ctx = document.createElement('canvas').getContext('2d');
  if (!ctx) return [text];
  ctx.font = font;
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (line && ctx.measureText(next).width > max) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** The page's @font-face rules as CSS with the font files inlined (data URLs). */
async function inlineFonts(): Promise<string> {
  const rules: { family: string; weight: string; url: string; range: string }[] = [];
  for (const sheet of [...document.styleSheets]) {
    let list: CSSRuleList;
    try {
      list = sheet.cssRules;
    } catch {
      continue;
    }
    for (const rule of [...list]) {
      if (!(rule instanceof CSSFontFaceRule)) continue;
      const family = rule.style.getPropertyValue('font-family').replace(/["']/g, '').trim();
      const src = rule.style.getPropertyValue('src').match(/url\(["']?([^"')]+)["']?\)/)?.[1];
      if (!family.startsWith('Noto Sans') || !src) continue;
      const url = new URL(src, sheet.href ?? document.baseURI).href;
      // With its unicode-range: a Latin face without one claims the Arabic letters too and draws nothing.
      const range = rule.style.getPropertyValue('unicode-range');
      rules.push({ family, weight: rule.style.getPropertyValue('font-weight') || '400', url, range });
    }
  }
  const faces = await Promise.all(
    rules.map(async (r) => {
      const bytes = new Uint8Array(await (await fetch(r.url)).arrayBuffer());
      let bin = '';
      for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      const range = /^[\w\s+,?-]+$/.test(r.range) ? `;unicode-range:${r.range}` : '';
      return `@font-face{font-family:"${r.family}";font-weight:${r.weight};src:url(data:font/woff2;base64,${btoa(bin)}) format("woff2")${range}}`;
    }),
  );
  return faces.join('');
}

/** The whole image as one SVG document (exported for the test of its text). */
export async function imageSvg(o: ImageOptions): Promise<{ svg: string; height: number }> {
  const { scene, data } = o;
  const { lang, palette: p } = scene;
  const rtl = lang === 'ar';
  const W = LAYOUT_WIDTH;
  const x = rtl ? W - PAD : PAD;
  const anchor = 'start';
  const dir = rtl ? ' direction="rtl"' : '';
  const titleFont = `600 ${TITLE_SIZE}px ${FONT_FAMILY}`;
  const titleLines = wrap(t(lang, 'app.title'), W - 2 * PAD, titleFont);
  let y = PAD + TITLE_SIZE;
  const head: string[] = [];
  for (const line of titleLines) {
    head.push(
      `<text x="${x}" y="${y}" font-size="${TITLE_SIZE}" font-weight="600" fill="${p.siteText}" text-anchor="${anchor}"${dir}>${esc(line)}</text>`,
    );
    y += TITLE_SIZE * LINE;
  }
  const fresh = `${t(lang, 'fresh.asOf', { date: formatDate(lang, asOf(data)) })} · ${t(lang, 'fresh.reportingEnds', { date: formatDate(lang, reportingEndsFor(data)) })}`;
  y += 2;
  head.push(
    `<text x="${x}" y="${y}" font-size="15" font-weight="600" fill="${p.cityText}" text-anchor="${anchor}"${dir}>${esc(fresh)}</text>`,
  );
  const mapTop = Math.ceil(y + 14);
  const map = renderStaticMap({
    data,
    basemap: o.basemap,
    date: scene.date,
    lang,
    theme: 'light',
    scene,
    width: W,
    height: MAP_HEIGHT,
    legend: true,
    selected: o.selected ?? null,
    idPrefix: 'image-map',
    ...(o.camera && !isFitted(o.camera, o.camera.width, o.camera.height)
      ? { view: viewForFrame(o.camera, o.camera, { width: W, height: MAP_HEIGHT }) }
      : {}),
  }).replace(/^<svg /, `<svg x="0" y="${mapTop}" `);
  const address = (() => {
    try {
      const u = new URL(o.link);
      return `${u.host}${u.pathname}`.replace(/\/$/, '');
    } catch {
      return o.link;
    }
  })();
  const footY = mapTop + MAP_HEIGHT + 22;
  const credit = `<text x="${x}" y="${footY}" font-size="13" fill="${p.cityText}" text-anchor="${anchor}"${dir}>${esc(t(lang, 'share.imageCredit', { address }))}</text>`;
  const height = footY + 14;
  const fonts = await inlineFonts();
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${height}" viewBox="0 0 ${W} ${height}" lang="${lang}" font-family="${esc(FONT_FAMILY)}">`,
    `<defs><style>${fonts}</style></defs>`,
    `<rect width="${W}" height="${height}" fill="${p.landFocus}"/>`,
    ...head,
    map,
    credit,
    '</svg>',
  ].join('');
  return { svg, height };
}

/** True when a strip of pixels holds dark text (the headline), not only the background. */
function hasInk(rgba: Uint8ClampedArray): boolean {
  let dark = 0;
  for (let i = 0; i < rgba.length; i += 16)
    if ((rgba[i] ?? 255) + (rgba[i + 1] ?? 255) + (rgba[i + 2] ?? 255) < 200) dark++;
  return dark > 20;
}

/** Draws the SVG into a canvas `width` pixels wide and returns the PNG. */
export async function rasterize(svg: string, layoutHeight: number, width: number): Promise<Blob> {
  const scale = width / LAYOUT_WIDTH;
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(LAYOUT_WIDTH * scale);
    canvas.height = Math.round(layoutHeight * scale);
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) throw new Error('no 2D canvas');
    // An SVG image loads its inlined fonts after it has decoded (the Arabic faces, the larger ones,
    // arrive late enough that a first drawing had no Arabic text at all): draw until the headline
    // has ink, for at most two seconds.
    const band = { x: 0, y: Math.round(PAD * scale), w: canvas.width, h: Math.round(TITLE_SIZE * scale) };
    for (let attempt = 0; attempt < 10; attempt++) {
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
      if (hasInk(ctx.getImageData(band.x, band.y, band.w, band.h).data)) break;
      await new Promise((r) => window.setTimeout(r, 200));
    }
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('canvas.toBlob gave nothing'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Makes the PNG and hands it to the browser as a download. */
export async function downloadImage(o: ImageOptions): Promise<void> {
  await document.fonts?.ready;
  const { svg, height } = await imageSvg(o);
  const png = await rasterize(svg, height, o.width);
  const a = document.createElement('a');
  a.href = URL.createObjectURL(png);
  a.download = `coalition-map-${o.scene.date}-${o.scene.lang}-${o.width}.png`;
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}
