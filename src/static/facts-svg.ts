/** The facts layers of the SVG renderer, drawn from the scene: the north-east Syria zone, Ain al-Asad's footprint and the sites. */
import type { AppData } from '../data/types.ts';
import type { Scene, SceneSite } from '../scene/scene.ts';
import { sitesInFrame } from '../scene/label-layout.ts';
import { FOOTPRINT, SITE, siteRadius, siteStyle, ZONE } from '../scene/symbology.ts';
import type { StaticProjection } from '../scene/projection.ts';
import { attrs, esc } from './svg-escape.ts';

export interface FactsLayer {
  defs: string;
  svg: string;
}

function zoneSvg(scene: Scene, data: AppData, proj: StaticProjection, id: string) {
  const zone = scene.zone && data.zone.features.find((f) => f.id === scene.zone!.id);
  if (!scene.zone || !zone) return { defs: '', svg: '' };
  const p = scene.palette;
  const color = p.zone[scene.zone.control];
  const path = proj.path(0.5);
  const d = path(zone as never);
  if (!d) return { defs: '', svg: '' };
  const { tile, width } = ZONE.hatch;
  const defs =
    `<pattern id="${id}-hatch" width="${tile}" height="${tile}" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">` +
    `<line x1="${tile / 2}" y1="0" x2="${tile / 2}" y2="${tile}"${attrs({ stroke: color, 'stroke-width': width })}/></pattern>`;
  const svg =
    `<g class="zone" data-control="${esc(scene.zone.control)}">` +
    `<path${attrs({ d, fill: color, 'fill-opacity': ZONE.fillOpacity, 'fill-rule': 'evenodd' })}/>` +
    `<path${attrs({ d, fill: `url(#${id}-hatch)`, 'fill-opacity': ZONE.hatch.opacity, 'fill-rule': 'evenodd' })}/>` +
    `<path${attrs({ d, fill: 'none', stroke: color, 'stroke-width': ZONE.line.width, 'stroke-dasharray': ZONE.line.dash.join(' '), 'stroke-opacity': ZONE.line.opacity })}/>` +
    '</g>';
  return { defs, svg };
}

function footprintSvg(scene: Scene, data: AppData, proj: StaticProjection): string {
  const path = proj.path(0);
  const p = scene.palette;
  return data.ain.features
    .filter((f) => f.properties.role === 'footprint')
    .map((f) => path(f as never))
    .filter((d): d is string => !!d)
    .map(
      (d) =>
        `<path${attrs({ d, fill: 'none', stroke: p.footprint, 'stroke-width': FOOTPRINT.glow.width, 'stroke-opacity': FOOTPRINT.glow.opacity, 'stroke-linejoin': 'round' })}/>` +
        `<path${attrs({ d, fill: p.footprint, 'fill-opacity': FOOTPRINT.fillOpacity, stroke: p.footprint, 'stroke-width': FOOTPRINT.line.width, 'stroke-dasharray': FOOTPRINT.line.dash.join(' ') })}/>`,
    )
    .join('');
}

function siteSvg(scene: Scene, site: SceneSite, x: number, y: number, r: number, selected: boolean): string {
  const p = scene.palette;
  const st = site.state!;
  const s = siteStyle(st.status, st.basis, p);
  const { approx: a, selected: sel, strokeWidth: sw } = SITE;
  // SVG strokes are centred on the circle, MapLibre's lie outside its radius: each ring is drawn at its middle.
  const ring = (extra: number, width: number, stroke: string, more: Record<string, string | number> = {}) =>
    `<circle${attrs({ cx: x, cy: y, r: r + extra + width / 2, fill: 'none', stroke, 'stroke-width': width, ...more })}/>`;
  let g = `<g class="site ${esc(st.status)}" data-site="${esc(site.id)}"${s.opacity < 1 ? ` opacity="${s.opacity}"` : ''}>`;
  if (site.precision === 'approximate')
    g += ring(a.extra, a.width, p.siteText, { 'stroke-dasharray': a.dash.join(' '), 'stroke-opacity': a.opacity });
  g += `<circle${attrs({ cx: x, cy: y, r: r + sw + SITE.haloExtra, fill: p.siteStroke })}/>`;
  g += `<circle${attrs({ cx: x, cy: y, r, fill: s.color, 'fill-opacity': s.fillOpacity })}/>`;
  g += ring(0, sw, s.color);
  if (selected) g += ring(sel.extra, sel.width, p.highlight);
  return `${g}</g>`;
}

/** The zone, the footprint and the site symbols (their labels are the label layout's: scene/label-layout.ts). */
export function factsSvg(
  scene: Scene,
  data: AppData,
  proj: StaticProjection,
  opts: { zoom: number; id: string; selected?: string | null },
): FactsLayer {
  const zone = zoneSvg(scene, data, proj, opts.id);
  // drawOrder is bottom to top, so the most important symbols end up on top.
  const symbols = sitesInFrame(scene, proj).map(({ site, xy: [x, y] }) =>
    siteSvg(scene, site, x, y, siteRadius(site.kind, opts.zoom), site.id === opts.selected),
  );
  return { defs: zone.defs, svg: zone.svg + footprintSvg(scene, data, proj) + symbols.join('') };
}
