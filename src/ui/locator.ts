/**
 * The locator inset (desktop layout): a small map from southern Europe to the Indian Ocean with Iraq
 * and Syria marked and the map's current frame outlined, so a reader who does not know the region sees
 * where it lies. Drawn with d3-geo from public/geo/basemap/locator.geojson (Natural Earth 1:110m) at
 * the top of the side panel; the frame follows the camera the render host publishes. Decorative for
 * screen readers: the map's own label names the region.
 */
import type { FeatureCollection } from 'geojson';
import { geoMercator, geoPath } from 'd3-geo';
import type { RendererHost } from '../render/host.ts';
import { mercatorScale } from '../state/view.ts';

const W = 168;
const NS = 'http://www.w3.org/2000/svg';

/** The frame of a Web Mercator camera as a lon/lat ring (edges sampled, so the globe may curve them). */
export function frameRing(view: { center: [number, number]; zoom: number; width: number; height: number }) {
  const k = mercatorScale(view.zoom);
  const cx = (view.center[0] * Math.PI) / 180;
  const cy = Math.log(Math.tan(Math.PI / 4 + (view.center[1] * Math.PI) / 360));
  const x0 = cx - view.width / 2 / k;
  const x1 = cx + view.width / 2 / k;
  const y0 = cy - view.height / 2 / k;
  const y1 = cy + view.height / 2 / k;
  const lonLat = (x: number, y: number): [number, number] => [
    (x * 180) / Math.PI,
    ((2 * Math.atan(Math.exp(y)) - Math.PI / 2) * 180) / Math.PI,
  ];
  const ring: [number, number][] = [];
  const n = 8;
  for (let i = 0; i < n; i++) ring.push(lonLat(x0 + ((x1 - x0) * i) / n, y0));
  for (let i = 0; i < n; i++) ring.push(lonLat(x1, y0 + ((y1 - y0) * i) / n));
  for (let i = 0; i < n; i++) ring.push(lonLat(x1 - ((x1 - x0) * i) / n, y1));
  for (let i = 0; i < n; i++) ring.push(lonLat(x0, y1 - ((y1 - y0) * i) / n));
  ring.push(ring[0]!);
  // d3-geo wants a ring of a small area clockwise; this one runs counter-clockwise in lon/lat.
  return ring.reverse();
}

/**
 * The features with their rings reversed: the files follow RFC 7946 (outer rings counter-clockwise),
 * d3-geo's spherical polygons the opposite, and would otherwise fill everything but the land.
 */
function forD3(fc: FeatureCollection): FeatureCollection {
  const flip = (rings: number[][][]) => rings.map((r) => [...r].reverse());
  return {
    type: 'FeatureCollection',
    features: fc.features.map((f) => {
      const g = f.geometry;
      if (g?.type === 'Polygon') return { ...f, geometry: { ...g, coordinates: flip(g.coordinates) } };
      if (g?.type === 'MultiPolygon') return { ...f, geometry: { ...g, coordinates: g.coordinates.map(flip) } };
      return f;
    }),
  };
}

/** Adds the inset to parent (first child); returns an unmount function. */
export function mountLocator(
  parent: HTMLElement,
  locator: FeatureCollection | undefined,
  renderer: RendererHost,
): () => void {
  if (!locator?.features.length) return () => {};
  const shapes = forD3(locator);
  // Web Mercator, like the map itself, fitted to the file's width: its box's edges are the inset's.
  const projection = geoMercator().fitWidth(W, shapes);
  const path = geoPath(projection);
  const [[, top], [, bottom]] = path.bounds(shapes);
  const H = Math.ceil(bottom - top);
  projection.translate([projection.translate()[0], projection.translate()[1] - top]);
  const svg = document.createElementNS(NS, 'svg');
  svg.setAttribute('class', 'locator');
  svg.setAttribute('viewBox', `0 0 ${W} ${H}`);
  svg.setAttribute('width', String(W));
  svg.setAttribute('height', String(H));
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('data-testid', 'locator');
  const sea = document.createElementNS(NS, 'rect');
  sea.setAttribute('class', 'locator-sea');
  sea.setAttribute('width', String(W));
  sea.setAttribute('height', String(H));
  svg.append(sea);
  const add = (cls: string, d: string | null) => {
    const p = document.createElementNS(NS, 'path');
    p.setAttribute('class', cls);
    if (d) p.setAttribute('d', d);
    svg.append(p);
    return p;
  };
  for (const f of shapes.features) {
    add(f.properties?.kind === 'focus' ? 'locator-focus' : 'locator-land', path(f));
  }
  const frame = add('locator-frame', null);
  parent.prepend(svg);
  const render = () => {
    const view = renderer.status().view;
    if (!view || view.width === 0) return;
    const d = path({ type: 'Polygon', coordinates: [frameRing(view)] });
    if (d && frame.getAttribute('d') !== d) frame.setAttribute('d', d);
  };
  const off = renderer.subscribe(render);
  render();
  return () => {
    off();
    svg.remove();
  };
}
