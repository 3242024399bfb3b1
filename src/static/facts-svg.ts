/** The facts layers of the SVG renderer: the north-east Syria zone, Ain al-Asad's footprint and the sites. */
import type { Lang, SiteFeature } from '../data/schema.ts';
import type { AppData } from '../data/types.ts';
import { t } from '../i18n/index.ts';
import { statusAt, zoneAt } from '../state/selectors.ts';
import { BASIS_FILL_OPACITY, type Palette } from '../theme/palette.ts';
import { datedText } from './alt-text.ts';
import type { Box, LabelRequest } from './labels.ts';
import type { StaticProjection } from './projection.ts';
import { attrs, esc } from './svg-escape.ts';

export interface FactsLayer {
  defs: string;
  svg: string;
  /** Symbol boxes that labels must not cover. */
  taken: Box[];
  /** Labels in placement order: the sites first, then the zone. */
  labels: LabelRequest[];
}

/** The site radius at a zoom, as the WebGL map interpolates it (airbases larger). */
export function siteRadius(kind: string, zoom: number): number {
  const k = Math.min(1, Math.max(0, (zoom - 4) / 4));
  return kind === 'airbase' ? 6 + 4 * k : 5 + 3 * k;
}

function zoneSvg(data: AppData, proj: StaticProjection, p: Palette, date: string, lang: Lang, id: string) {
  const zone = data.zone.features.find((f) => f.properties.role === 'zone');
  const period = zone ? zoneAt(zone, date) : null;
  if (!zone || !period) return { defs: '', svg: '', label: null };
  const color = p.zone[period.control];
  const path = proj.path(0.5);
  const d = path(zone as never);
  if (!d) return { defs: '', svg: '', label: null };
  const defs =
    `<pattern id="${id}-hatch" width="7" height="7" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">` +
    `<line x1="3.5" y1="0" x2="3.5" y2="7"${attrs({ stroke: color, 'stroke-width': 1.4 })}/></pattern>`;
  const svg =
    `<g class="zone" data-control="${esc(period.control)}">` +
    `<path${attrs({ d, fill: color, 'fill-opacity': 0.14, 'fill-rule': 'evenodd' })}/>` +
    `<path${attrs({ d, fill: `url(#${id}-hatch)`, 'fill-opacity': 0.4, 'fill-rule': 'evenodd' })}/>` +
    `<path${attrs({ d, fill: 'none', stroke: color, 'stroke-width': 1.5, 'stroke-dasharray': '4 2', 'stroke-opacity': 0.9 })}/>` +
    '</g>';
  const [cx, cy] = path.centroid(zone as never);
  const label: LabelRequest = {
    text: zone.properties.name[lang] || zone.properties.name.en,
    sub: t(lang, `control.${period.control}`),
    x: cx,
    y: cy,
    offset: 0,
    sides: ['below', 'above'],
    // Sites sit inside the zone and are labelled first: try a few spots around the centre before giving up.
    alternatives: [
      [cx, cy + 30],
      [cx, cy - 30],
      [cx - 40, cy],
      [cx + 40, cy],
      [cx - 40, cy + 30],
      [cx + 40, cy + 30],
    ],
    size: 11.5,
    rtl: lang === 'ar',
    extra: attrs({ fill: p.zoneText, 'font-weight': 600 }),
  };
  return { defs, svg, label };
}

function footprintSvg(data: AppData, proj: StaticProjection, p: Palette): string {
  const path = proj.path(0);
  return data.ain.features
    .filter((f) => f.properties.role === 'footprint')
    .map((f) => path(f as never))
    .filter((d): d is string => !!d)
    .map(
      (d) =>
        `<path${attrs({ d, fill: p.footprint, 'fill-opacity': 0.16, stroke: p.footprint, 'stroke-width': 1.2, 'stroke-dasharray': '2 1.5' })}/>`,
    )
    .join('');
}

/** The site's label: name, and a second line when it is not simply present ("left 17 Jan 2026"). */
function siteLabel(site: SiteFeature, lang: Lang, date: string): { text: string; sub?: string } {
  const text = site.properties.name[lang] || site.properties.name.en;
  const st = statusAt(site, date);
  if (!st || st.status === 'present') return { text };
  if (st.status === 'withdrawn') {
    return { text, sub: datedText(lang, 'left', st.since, st.period.startPrecision ?? 'day', true) };
  }
  return { text, sub: t(lang, `status.${st.status}`) };
}

// Draw and label order: what the story is about first (present, then changing), what is gone last.
const ORDER = { present: 0, drawdown: 1, unknown: 2, withdrawn: 3 } as const;

/** The zone, the footprint and the site symbols, with label requests for the sites and the zone. */
export function factsSvg(
  data: AppData,
  proj: StaticProjection,
  p: Palette,
  opts: { date: string; lang: Lang; zoom: number; id: string },
): FactsLayer {
  const { date, lang, zoom, id } = opts;
  const zone = zoneSvg(data, proj, p, date, lang, id);
  const sites = data.presence.features
    .map((site, i) => ({
      site,
      i,
      st: statusAt(site, date),
      xy: site.geometry ? proj.point(site.geometry.coordinates) : null,
    }))
    .filter((s) => s.st && s.xy)
    .sort((a, b) => ORDER[a.st!.status] - ORDER[b.st!.status] || a.i - b.i);
  const taken: Box[] = [];
  const labels: LabelRequest[] = [];
  const symbols: string[] = [];
  // Reverse for drawing, so the most important symbols end up on top.
  for (const { site, st, xy } of [...sites].reverse()) {
    const [x, y] = xy!;
    const r = siteRadius(site.properties.kind, zoom);
    const color = p.status[st!.status];
    const withdrawn = st!.status === 'withdrawn';
    const approx = site.properties.location.precision === 'approximate';
    let g = `<g class="site ${esc(st!.status)}" data-site="${esc(site.id)}"${withdrawn ? ' opacity="0.7"' : ''}>`;
    if (approx)
      g += `<circle${attrs({ cx: x, cy: y, r: r + 5, fill: 'none', stroke: p.siteText, 'stroke-width': 1.1, 'stroke-dasharray': '1.5 2', 'stroke-opacity': 0.75 })}/>`;
    g += `<circle${attrs({ cx: x, cy: y, r: r + 1.5, fill: p.siteStroke })}/>`;
    g += `<circle${attrs({ cx: x, cy: y, r: r - 0.5, fill: color, 'fill-opacity': BASIS_FILL_OPACITY[st!.basis], stroke: color, 'stroke-width': 2 })}/>`;
    symbols.push(`${g}</g>`);
    const rr = r + (approx ? 6 : 2);
    taken.push({ x0: x - rr, y0: y - rr, x1: x + rr, y1: y + rr });
  }
  for (const { site, xy, st } of sites) {
    const [x, y] = xy!;
    const r = siteRadius(site.properties.kind, zoom) + (site.properties.location.precision === 'approximate' ? 7 : 4);
    const muted = st!.status === 'withdrawn';
    labels.push({
      ...siteLabel(site, lang, date),
      x,
      y,
      offset: r,
      size: 12,
      rtl: lang === 'ar',
      extra: muted ? ' class="site-label withdrawn" fill-opacity="0.75"' : ' class="site-label"',
    });
  }
  if (zone.label) labels.push(zone.label);
  return { defs: zone.defs, svg: zone.svg + footprintSvg(data, proj, p) + symbols.join(''), taken, labels };
}
