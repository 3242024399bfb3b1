/** The legend box of the SVG map (images and print): the date in large type, the phase, counts, and keys. */
import { STATUSES } from '../data/schema.ts';
import { formatDate, formatNumber, t } from '../i18n/index.ts';
import type { Scene } from '../scene/scene.ts';
import { BASIS_FILL_OPACITY, HOLLOW_STATUS, SITE, ZONE } from '../scene/symbology.ts';
import { type Box, overlaps, textWidth } from '../scene/labels.ts';
import { attrs, esc, num } from './svg-escape.ts';

export interface LegendOptions {
  scene: Scene;
  width: number;
  height: number;
  /** Id prefix of the map (the zone hatch pattern is `${id}-hatch`). */
  id: string;
  /** What the legend should not cover, by weight: it takes the corner that covers the least. */
  avoid: readonly { box: Box; weight: number }[];
  /** Height of the strip kept free at the bottom (the source line). */
  bottom: number;
}

const W = 262;
const PAD = 14;
const M = 12; // margin from the map's edge

/** Greedy word wrap at an estimated width (the same estimate the label placement uses). */
function wrap(text: string, size: number, max: number, rtl: boolean): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    // 0.5 em: the legend is set in the regular weight, narrower than the semibold labels.
    if (line && textWidth(next, size, rtl, 0.5) > max) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** The legend as SVG plus the box it covers (so labels keep clear of it). */
export function legendSvg(o: LegendOptions): { svg: string; box: Box } {
  const { scene } = o;
  const { date, lang, palette: p } = scene;
  const rtl = lang === 'ar';
  const inner = W - 2 * PAD;
  const rows: string[] = [];
  let y = PAD;
  // Positions are computed for left-to-right and mirrored inside the box for Arabic.
  const text = (x: number, size: number, s: string, extra: Record<string, string | number> = {}) => {
    const end = extra['text-anchor'] === 'end';
    const anchor = end ? 'end' : 'start';
    rows.push(
      `<text${attrs({ x: rtl ? W - x : x, y, 'font-size': size, 'text-anchor': anchor, ...extra })}${rtl ? ' direction="rtl"' : ''}>${esc(s)}</text>`,
    );
  };
  // The map's own symbol at the legend's size: fill radius 4.5, the status stroke outside it.
  const dot = (x: number, cy: number, fill: string, opacity: number) =>
    rows.push(
      `<circle${attrs({ cx: rtl ? W - x : x, cy, r: 4.5 + SITE.strokeWidth / 2, fill, 'fill-opacity': opacity, stroke: fill, 'stroke-width': SITE.strokeWidth })}/>`,
    );

  y += 26;
  text(PAD, 26, formatDate(lang, date), { 'font-weight': 600 });
  const phase = scene.phase;
  if (phase) {
    for (const line of wrap(phase.label[lang] || phase.label.en, 12.5, inner, rtl)) {
      y += 17;
      text(PAD, 12.5, line, { 'fill-opacity': 0.8 });
    }
  }
  // How current the facts are: an image or a print travels without the page around it.
  for (const line of wrap(`${scene.fresh.asOfText}.`, 11, inner, rtl)) {
    y += 15;
    text(PAD, 11, line, { 'fill-opacity': 0.75 });
  }
  y += 6;
  for (const status of STATUSES) {
    y += 20;
    dot(PAD + 6, y - 4, p.status[status], HOLLOW_STATUS[status] ? 0 : 1);
    text(PAD + 20, 12.5, t(lang, `status.${status}`));
    text(W - PAD, 12.5, scene.countText[status], { 'text-anchor': 'end', 'font-weight': 600 });
  }
  if (scene.fresh.afterReporting) {
    for (const line of wrap(`${scene.fresh.reportingEndsText}.`, 11, inner, rtl)) {
      y += 15;
      text(PAD, 11, line, { 'fill-opacity': 0.75 });
    }
  }
  const unmapped = scene.unmapped.length;
  if (unmapped > 0) {
    // The counts include sites with no sourced position: say so, or the reader counts dots and finds fewer.
    for (const line of wrap(t(lang, 'legend.notMapped', { count: formatNumber(lang, unmapped) }), 11, inner, rtl)) {
      y += 15;
      text(PAD, 11, line, { 'fill-opacity': 0.75 });
    }
  }
  y += 12;
  let x = PAD + 6;
  y += 16;
  for (const basis of ['confirmed', 'reported', 'announced'] as const) {
    dot(x, y - 4, p.siteText, BASIS_FILL_OPACITY[basis]);
    const word = t(lang, `basis.${basis}`);
    text(x + 10, 11.5, word);
    x += 10 + textWidth(word, 11.5, rtl) + 18;
  }
  const zp = scene.zone;
  if (zp) {
    const c = p.zone[zp.control];
    const lines = wrap(t(lang, 'legend.zone'), 11.5, inner - 26, rtl);
    y += 12;
    const sx = rtl ? W - PAD - 16 : PAD;
    rows.push(`<rect${attrs({ x: sx, y: y + 2, width: 16, height: 12, fill: c, 'fill-opacity': ZONE.fillOpacity })}/>`);
    rows.push(
      `<rect${attrs({ x: sx, y: y + 2, width: 16, height: 12, fill: `url(#${o.id}-hatch)`, 'fill-opacity': ZONE.hatch.opacity, stroke: c, 'stroke-width': ZONE.line.width, 'stroke-dasharray': ZONE.line.dash.join(' '), 'stroke-opacity': ZONE.line.opacity })}/>`,
    );
    for (const line of lines) {
      y += 15;
      text(PAD + 24, 11.5, line);
    }
    y += 15;
    text(PAD + 24, 11.5, zp.sub, { 'font-weight': 600, fill: c });
  }
  const h = y + PAD - 2;
  const top = M;
  const low = o.height - o.bottom - M - h;
  const left = M;
  const right = o.width - M - W;
  // Top corners first (a legend is read before the map), the right one first: there Iran leaves room,
  // and Arabic readers start there.
  const spots = [
    [right, top],
    [left, top],
    [right, low],
    [left, low],
  ];
  const corners: Box[] = spots.map(([x, y]) => ({ x0: x!, y0: y!, x1: x! + W, y1: y! + h }));
  const cost = (b: Box) => o.avoid.reduce((sum, a) => sum + (overlaps(b, a.box) ? a.weight : 0), 0);
  const box = corners.reduce((best, b) => (cost(b) < cost(best) ? b : best));
  const bg = attrs({
    width: W,
    height: h,
    rx: 3,
    fill: p.landFocus,
    'fill-opacity': 0.94,
    stroke: p.landOutline,
    'stroke-width': 0.8,
  });
  const svg =
    `<g class="legend" transform="translate(${num(box.x0)} ${num(box.y0)})"${attrs({ fill: p.siteText })}>` +
    `<rect${bg}/>${rows.join('')}</g>`;
  return { svg, box };
}
