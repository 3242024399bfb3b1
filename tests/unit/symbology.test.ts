/**
 * Both renderers draw the scene with one symbology: the WebGL layer specs (as the map modules hand
 * them to MapLibre) and the SVG map's attributes are read back here and held to src/scene/symbology.ts.
 */
import { describe, expect, it } from 'vitest';
import { footprintLayers } from '../../src/map/layers/ain-al-asad.ts';
import { featureColor } from '../../src/map/layer-types.ts';
import { presenceLayers, radius } from '../../src/map/layers/presence.ts';
import { zoneLayers } from '../../src/map/layers/threat-zone.ts';
import { sceneAt } from '../../src/scene/scene.ts';
import {
  BASIS_FILL_OPACITY,
  dashInWidths,
  FOOTPRINT,
  SITE,
  SITE_RADIUS,
  siteRadius,
  siteStyle,
  ZONE,
} from '../../src/scene/symbology.ts';
import { renderStaticMap } from '../../src/static/render-svg.ts';
import { fitView } from '../../src/state/view.ts';
import { loadFixtureData } from '../fixtures/data/index.ts';

const data = loadFixtureData();
const input = { data, basemap: {} };
const W = 1000;
const H = 620;
const { zoom } = fitView(W, H);

/** Every element of a tag in the SVG, as attribute maps. */
function elements(svg: string, tag: string): Record<string, string>[] {
  return [...svg.matchAll(new RegExp(`<${tag}\\b([^>]*)/?>`, 'g'))].map((m) =>
    Object.fromEntries([...m[1]!.matchAll(/([\w-]+)="([^"]*)"/g)].map((a) => [a[1]!, a[2]!])),
  );
}

/** The inside of one site's <g> in the SVG. */
function siteSvg(svg: string, id: string): string {
  const start = svg.indexOf(`data-site="${id}"`);
  return svg.slice(start, svg.indexOf('</g>', start));
}

/** The per-status factor of the WebGL fill opacity: ['*', byBasis, ['match', status, 'present', 1, …, fallback]]. */
function circleOpacityByStatus(expr: unknown): Record<string, number> {
  const match = (expr as unknown[])[2] as unknown[];
  const out: Record<string, number> = {};
  for (let i = 2; i + 1 < match.length; i += 2) out[match[i] as string] = match[i + 1] as number;
  return out;
}

const paintOf = (layers: { id: string; paint?: unknown }[], id: string) =>
  layers.find((l) => l.id === id)!.paint as Record<string, unknown>;

for (const theme of ['light', 'dark'] as const) {
  describe(`one symbology, two renderers (${theme})`, () => {
    const date = '2026-01-17';
    const scene = sceneAt(input, date, 'en', theme);
    const svg = renderStaticMap({
      ...input,
      date,
      lang: 'en',
      theme,
      width: W,
      height: H,
      scene,
      selected: 'erbil-air-base',
    });
    const layers = presenceLayers(scene);

    it('site radius: the WebGL zoom curve and the SVG circle agree at the fitted zoom', () => {
      expect(radius()).toEqual([
        'interpolate',
        ['linear'],
        ['zoom'],
        4,
        ['match', ['get', 'kind'], 'airbase', SITE_RADIUS.airbase[0], SITE_RADIUS.other[0]],
        8,
        ['match', ['get', 'kind'], 'airbase', SITE_RADIUS.airbase[1], SITE_RADIUS.other[1]],
      ]);
      const site = scene.sites.find((s) => s.id === 'erbil-air-base')!;
      const circles = elements(siteSvg(svg, site.id), 'circle');
      const r = siteRadius(site.kind, zoom);
      const fill = circles.find((c) => c['fill-opacity'] !== undefined && c.stroke === undefined)!;
      expect(Number(fill.r)).toBeCloseTo(r, 1);
      // The status stroke lies outside the fill, as MapLibre draws circle strokes.
      const stroke = circles.find((c) => c['stroke-width'] === String(SITE.strokeWidth))!;
      expect(Number(stroke.r)).toBeCloseTo(r + SITE.strokeWidth / 2, 1);
      expect(paintOf(layers, 'presence-circle')['circle-stroke-width']).toBe(SITE.strokeWidth);
      // The halo.
      expect(paintOf(layers, 'presence-halo')['circle-radius']).toEqual(radius(SITE.strokeWidth + SITE.haloExtra));
      expect(circles.some((c) => Number(c.r) === Math.round((r + SITE.strokeWidth + SITE.haloExtra) * 100) / 100)).toBe(
        true,
      );
      // The selected ring.
      expect(paintOf(layers, 'presence-selected')['circle-stroke-width']).toBe(SITE.selected.width);
      expect(paintOf(layers, 'presence-selected')['circle-stroke-color']).toEqual(
        featureColor(scene.palette.highlight),
      );
      const ring = circles.find((c) => c.stroke === scene.palette.highlight)!;
      expect(Number(ring['stroke-width'])).toBe(SITE.selected.width);
      expect(Number(ring.r)).toBeCloseTo(r + SITE.selected.extra + SITE.selected.width / 2, 1);
    });

    it('status colours and basis fills are the same in both', () => {
      const circle = paintOf(layers, 'presence-circle');
      const color = circle['circle-color'] as unknown[];
      for (const s of ['present', 'drawdown', 'withdrawn', 'unknown'] as const) {
        expect(color[color.indexOf(s) + 1]).toBe(siteStyle(s, 'confirmed', scene.palette).color);
      }
      const opacity = JSON.stringify(circle['circle-opacity']);
      for (const b of ['confirmed', 'reported', 'announced'] as const) {
        expect(opacity).toContain(`"${b}",${BASIS_FILL_OPACITY[b]}`);
      }
      for (const site of scene.sites.filter((s) => s.drawn)) {
        const st = siteStyle(site.state!.status, site.state!.basis, scene.palette);
        const fill = elements(siteSvg(svg, site.id), 'circle').find((c) => c.fill === st.color)!;
        expect(Number(fill['fill-opacity']), site.id).toBe(st.fillOpacity);
        if (st.opacity < 1) expect(svg).toContain(`data-site="${site.id}" opacity="${st.opacity}"`);
      }
    });

    it('every circle layer has the one paint shape, so MapLibre compiles one circle shader', () => {
      const kind = (v: unknown) =>
        Array.isArray(v) ? (JSON.stringify(v).includes('"zoom"') ? 'zoom+feature' : 'feature') : 'constant';
      const shapes = [...layers, ...zoneLayers(scene)]
        .filter((l) => l.type === 'circle')
        .map((l) => {
          const paint = l.paint as Record<string, unknown>;
          const keys = [
            'circle-radius',
            'circle-color',
            'circle-opacity',
            'circle-stroke-width',
            'circle-stroke-color',
            'circle-stroke-opacity',
          ];
          return keys.map((k) => `${k}:${kind(paint[k])}`).join(' ');
        });
      expect(new Set(shapes).size, shapes.join('\n')).toBe(1);
    });

    it('an unknown status is a hollow ring in both, whatever its basis (absence of knowledge, not a status)', () => {
      for (const b of ['confirmed', 'reported', 'announced'] as const) {
        expect(siteStyle('unknown', b, scene.palette).fillOpacity).toBe(0);
      }
      const opacity = circleOpacityByStatus(paintOf(layers, 'presence-circle')['circle-opacity']);
      expect(opacity.unknown).toBe(0);
      expect(opacity.present).toBe(1);
      const later = sceneAt(input, '2026-03-15', 'en', theme);
      const svgLater = renderStaticMap({
        ...input,
        date: '2026-03-15',
        lang: 'en',
        theme,
        width: W,
        height: H,
        scene: later,
      });
      const unknown = later.sites.filter((x) => x.drawn && x.state?.status === 'unknown');
      expect(unknown.length).toBeGreaterThan(0);
      for (const site of unknown) {
        const fill = elements(siteSvg(svgLater, site.id), 'circle').find(
          (c) => c.fill === later.palette.status.unknown,
        )!;
        expect(Number(fill['fill-opacity']), site.id).toBe(0);
      }
    });

    it('the approximate ring is dotted in both, at the same size', () => {
      const approx = layers.find((l) => l.id === 'presence-approx')!;
      expect((approx.paint as Record<string, unknown>)['icon-opacity']).toBe(SITE.approx.opacity);
      const site = scene.sites.find((s) => s.precision === 'approximate' && s.drawn)!;
      const ring = elements(siteSvg(svg, site.id), 'circle').find((c) => c['stroke-dasharray'])!;
      expect(ring['stroke-dasharray']).toBe(SITE.approx.dash.join(' '));
      expect(Number(ring['stroke-width'])).toBe(SITE.approx.width);
      expect(Number(ring['stroke-opacity'])).toBe(SITE.approx.opacity);
      expect(Number(ring.r)).toBeCloseTo(siteRadius(site.kind, zoom) + SITE.approx.extra + SITE.approx.width / 2, 1);
    });

    it('the zone: tint, hatch and dashed outline', () => {
      const z = zoneLayers(scene);
      const color = scene.palette.zone[scene.zone!.control];
      expect(paintOf(z, 'zone-fill')).toMatchObject({ 'fill-color': color, 'fill-opacity': ZONE.fillOpacity });
      expect(paintOf(z, 'zone-hatch')['fill-opacity']).toBe(ZONE.hatch.opacity);
      expect(paintOf(z, 'zone-line')).toMatchObject({
        'line-color': color,
        'line-width': ZONE.line.width,
        'line-dasharray': dashInWidths(ZONE.line.dash, ZONE.line.width),
        'line-opacity': ZONE.line.opacity,
      });
      const paths = elements(svg.slice(svg.indexOf('<g class="zone"')), 'path').slice(0, 3);
      expect(paths[0]).toMatchObject({ fill: color, 'fill-opacity': String(ZONE.fillOpacity) });
      expect(paths[1]).toMatchObject({ 'fill-opacity': String(ZONE.hatch.opacity) });
      expect(paths[2]).toMatchObject({
        stroke: color,
        'stroke-width': String(ZONE.line.width),
        'stroke-dasharray': ZONE.line.dash.join(' '),
        'stroke-opacity': String(ZONE.line.opacity),
      });
      const hatch = elements(svg, 'pattern')[0]!;
      expect(hatch.width).toBe(String(ZONE.hatch.tile));
      expect(elements(svg, 'line')[0]).toMatchObject({ stroke: color, 'stroke-width': String(ZONE.hatch.width) });
    });

    it('the Ain al-Asad footprint: fill, dashed line and glow', () => {
      const f = footprintLayers(scene);
      const c = scene.palette.footprint;
      expect(paintOf(f, 'ain-fill')).toEqual({ 'fill-color': c, 'fill-opacity': FOOTPRINT.fillOpacity });
      expect(paintOf(f, 'ain-line')).toMatchObject({
        'line-width': FOOTPRINT.line.width,
        'line-dasharray': dashInWidths(FOOTPRINT.line.dash, FOOTPRINT.line.width),
      });
      expect(paintOf(f, 'ain-glow')).toMatchObject({
        'line-width': FOOTPRINT.glow.width,
        'line-opacity': FOOTPRINT.glow.opacity,
      });
      const paths = elements(svg, 'path').filter((p) => p.stroke === c);
      expect(paths.some((p) => p['stroke-width'] === String(FOOTPRINT.glow.width))).toBe(true);
      expect(
        paths.some(
          (p) =>
            p['fill-opacity'] === String(FOOTPRINT.fillOpacity) &&
            p['stroke-dasharray'] === FOOTPRINT.line.dash.join(' ') &&
            p['stroke-width'] === String(FOOTPRINT.line.width),
        ),
      ).toBe(true);
    });
  });
}
