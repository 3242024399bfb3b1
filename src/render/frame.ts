/**
 * What covers the map, as boxes the label layout keeps clear of, the same for both renderers so the
 * WebGL map takes over with the labels where the SVG map had them: the page's overlays (tool bar,
 * Ain al-Asad's callout) measured where they are, and the WebGL map's own controls (zoom buttons,
 * credit) by rule, since the SVG map is drawn before they exist.
 */
import type { Lang } from '../data/schema.ts';
import type { Box, MeasureText } from '../scene/labels.ts';

/** Below this frame width MapLibre's credit is folded to its (i) button. */
export const COMPACT_CREDIT_WIDTH = 640;

/** The credit's width when unfolded, by language (measured in Chromium: en 353, de 337, fr 393, ar 434 px). */
const CREDIT_WIDTH: Record<Lang, number> = { en: 360, de: 360, fr: 400, ar: 440 };

/** The zoom buttons (top right, mirrored on right-to-left pages) and the credit (bottom). */
export function controlBoxes(width: number, height: number, lang: Lang): Box[] {
  const rtl = lang === 'ar';
  const mirror = (b: Box): Box => (rtl ? { x0: width - b.x1, y0: b.y0, x1: width - b.x0, y1: b.y1 } : b);
  const zoom: Box = { x0: width - 10 - 29 - 4, y0: 0, x1: width, y1: 10 + 59 + 4 };
  return [mirror(zoom), mirror(creditBox(width, height, lang)), scaleBarBox(width, height, lang)];
}

/** MapLibre's credit (bottom right; bottom left in Arabic), folded or not, with a 4 px margin. */
function creditBox(width: number, height: number, lang: Lang): Box {
  return width < COMPACT_CREDIT_WIDTH
    ? { x0: width - 10 - 24 - 4, y0: height - 10 - 24 - 4, x1: width, y1: height }
    : { x0: width - 10 - CREDIT_WIDTH[lang] - 4, y0: height - 38, x1: width, y1: height };
}

/** The scale bar's longest bar, px. */
export const SCALE_BAR_MAX = 100;

/**
 * The scale bar's box (ui/scale-bar.ts draws it there, over either renderer): at the bottom, beside
 * the credit, mirrored on right-to-left pages.
 */
export function scaleBarBox(width: number, height: number, lang: Lang): Box {
  const credit = creditBox(width, height, lang);
  const x1 = credit.x0 - 4;
  const b: Box = { x0: x1 - SCALE_BAR_MAX - 12, y0: height - 34, x1, y1: height - 4 };
  return lang === 'ar' ? { x0: width - b.x1, y0: b.y0, x1: width - b.x0, y1: b.y1 } : b;
}

/** Earth's circumference at the equator in metres (WGS 84), for metres per pixel in Web Mercator. */
const EQUATOR_M = 40_075_016.686;

/** A scale bar for a camera: the longest round length of at most SCALE_BAR_MAX px, and its length in px. */
export function scaleBar(view: { center: [number, number]; zoom: number }): { km: number; px: number } {
  const metresPerPx = (EQUATOR_M * Math.cos((view.center[1] * Math.PI) / 180)) / (512 * 2 ** view.zoom);
  const kmPerPx = metresPerPx / 1000;
  const steps = [1, 2, 5, 10, 20, 25, 50, 100, 150, 200, 250, 300, 500, 1000];
  const km = [...steps].reverse().find((k) => k / kmPerPx <= SCALE_BAR_MAX) ?? 1;
  return { km, px: Math.round(km / kmPerPx) };
}

/** The boxes of elements over the map, relative to it (those that do not overlap it are left out). */
export function overlayBoxes(map: Element, overlays: readonly Element[]): Box[] {
  const m = map.getBoundingClientRect();
  const out: Box[] = [];
  for (const el of overlays) {
    if ((el as HTMLElement).hidden || !el.isConnected) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    const b = { x0: r.left - m.left - 4, y0: r.top - m.top - 4, x1: r.right - m.left + 4, y1: r.bottom - m.top + 4 };
    if (b.x1 <= 0 || b.y1 <= 0 || b.x0 >= m.width || b.y0 >= m.height) continue;
    out.push(b);
  }
  return out;
}

let canvas: CanvasRenderingContext2D | null | undefined;
const widths = new Map<string, number>();

/**
 * The browser's widths of label text in the shipped fonts (what both the SVG map and MapLibre draw
 * with), or undefined until the fonts are loaded: a layout from fallback-font metrics would differ
 * from the one drawn once they arrive. Cached per text, size and weight.
 */
export function browserMeasure(rtl: boolean): MeasureText | undefined {
  if (canvas === undefined) canvas = document.createElement('canvas').getContext('2d');
  const ctx = canvas;
  const fonts = document.fonts;
  if (!ctx || !fonts) return undefined;
  const faces = rtl
    ? ['400 12px "Noto Sans Arabic"', '600 12px "Noto Sans Arabic"']
    : ['400 12px "Noto Sans"', '600 12px "Noto Sans"'];
  if (!faces.every((f) => fonts.check(f, rtl ? 'ب' : 'a'))) return undefined;
  return (text, size, bold) => {
    const key = `${bold ? 6 : 4}|${size}|${text}`;
    let w = widths.get(key);
    if (w === undefined) {
      ctx.font = `${bold ? 600 : 400} ${size}px "Noto Sans", "Noto Sans Arabic", sans-serif`;
      w = ctx.measureText(text).width;
      widths.set(key, w);
    }
    return w;
  };
}
