/**
 * Coalition presence: one symbol per drawn site, coloured by its status at the date and filled by its
 * basis (confirmed solid, reported half, announced hollow), through feature-state so a slider step
 * costs no re-tiling; a dotted ring where only the nearby town's position is known; the selected
 * site's ring. Their labels are the label layout's (layers/labels.ts). Everything comes from the scene and the symbology; only what changed is
 * sent to the map.
 */
import type { ExpressionSpecification, GeoJSONSource, LayerSpecification, MapLayerMouseEvent } from 'maplibre-gl';
import { BASES, STATUSES } from '../../data/schema.ts';
import type { Scene, SceneSite } from '../../scene/scene.ts';
import { RADIUS_ZOOMS, SITE, SITE_RADIUS, siteStyle } from '../../scene/symbology.ts';
import { ringImage } from '../hatch.ts';
import { changed, circlePaint, type LayerContext, type MapLayer } from '../layer-types.ts';

const SRC = 'presence';
const RINGS = 'presence-rings';
/** The feature-state status of a site that is not drawn at the date (before its first period). */
const NONE = 'none';

const status: ExpressionSpecification = ['coalesce', ['feature-state', 'status'], NONE];
const basis: ExpressionSpecification = ['coalesce', ['feature-state', 'basis'], 'confirmed'];

/** The radius of a site at the zoom, plus extra px (zoom stays the top-level input, as MapLibre requires). */
export function radius(extra = 0): ExpressionSpecification {
  const at = (i: 0 | 1): ExpressionSpecification => [
    'match',
    ['get', 'kind'],
    'airbase',
    SITE_RADIUS.airbase[i] + extra,
    SITE_RADIUS.other[i] + extra,
  ];
  return ['interpolate', ['linear'], ['zoom'], RADIUS_ZOOMS[0], at(0), RADIUS_ZOOMS[1], at(1)];
}

/** A paint value by status, from the symbology (sites not drawn get `none`). */
function byStatus(scene: Scene, pick: (s: ReturnType<typeof siteStyle>) => number | string, none: number | string) {
  const pairs = STATUSES.flatMap((s) => [s, pick(siteStyle(s, 'confirmed', scene.palette))]);
  return ['match', status, ...pairs, none] as ExpressionSpecification;
}

function fillOpacity(scene: Scene): ExpressionSpecification {
  const p = scene.palette;
  const pairs = BASES.flatMap((b) => [b, siteStyle('present', b, p).fillOpacity]);
  const byBasis = ['match', basis, ...pairs, 1] as ExpressionSpecification;
  // siteStyle(status, 'confirmed').fillOpacity is 1, or 0 for a status drawn hollow whatever its basis.
  return ['*', byBasis, byStatus(scene, (s) => s.opacity * s.fillOpacity, 0)];
}

/** The dotted ring's image for a kind, drawn at its size at the top zoom stop (icon-size scales it down). */
function ringRadius(kind: 'airbase' | 'other', i: 0 | 1): number {
  return SITE_RADIUS[kind][i] + SITE.approx.extra + SITE.approx.width / 2;
}

function addRings(ctx: LayerContext, scene: Scene): void {
  const { map } = ctx;
  const a = SITE.approx;
  for (const kind of ['airbase', 'other'] as const) {
    const id = `approx-ring-${kind}`;
    if (map.hasImage(id)) map.removeImage(id);
    map.addImage(id, ringImage(scene.palette.siteText, ringRadius(kind, 1), a.width, a.dash), { pixelRatio: 2 });
  }
}

const selectedFilter = (site: string | null): ExpressionSpecification => ['==', ['get', 'id'], site ?? ''];

/** The layers of the presence module, from the symbology, in the scene's palette (drawing order). */
export function presenceLayers(scene: Scene): LayerSpecification[] {
  const p = scene.palette;
  const color = byStatus(scene, (s) => s.color, p.status.unknown);
  const opacity = byStatus(scene, (s) => s.opacity, 0);
  return [
    {
      id: 'presence-approx',
      type: 'symbol',
      source: RINGS,
      layout: {
        'icon-image': ['match', ['get', 'kind'], 'airbase', 'approx-ring-airbase', 'approx-ring-other'],
        // The ring's radius grows with the zoom as the symbol's does: scale the image drawn at the top stop.
        'icon-size': [
          'interpolate',
          ['linear'],
          ['zoom'],
          RADIUS_ZOOMS[0],
          [
            'match',
            ['get', 'kind'],
            'airbase',
            ringRadius('airbase', 0) / ringRadius('airbase', 1),
            ringRadius('other', 0) / ringRadius('other', 1),
          ],
          RADIUS_ZOOMS[1],
          1,
        ],
        'icon-allow-overlap': true,
        'icon-ignore-placement': true,
      },
      paint: { 'icon-opacity': SITE.approx.opacity },
    },
    {
      id: 'presence-halo',
      type: 'circle',
      source: SRC,
      paint: circlePaint({ radius: radius(SITE.strokeWidth + SITE.haloExtra), color: p.siteStroke, opacity }),
    },
    {
      id: 'presence-circle',
      type: 'circle',
      source: SRC,
      paint: {
        'circle-radius': radius(),
        'circle-color': color,
        'circle-opacity': fillOpacity(scene),
        'circle-stroke-width': SITE.strokeWidth,
        'circle-stroke-color': color,
        'circle-stroke-opacity': opacity,
      },
    },
    // The ring around the selected site: a filter (set when the selection changes); its paint in the
    // one shape every circle layer shares (layer-types.ts circlePaint).
    {
      id: 'presence-selected',
      type: 'circle',
      source: SRC,
      filter: selectedFilter(null),
      paint: circlePaint({
        radius: radius(SITE.selected.extra),
        color: 'rgba(0,0,0,0)',
        strokeWidth: SITE.selected.width,
        strokeColor: p.highlight,
      }),
    },
  ];
}

/** Re-applies the colours of a theme (the dotted rings are images: drawn again). */
function paint(ctx: LayerContext, scene: Scene): void {
  for (const layer of presenceLayers(scene)) {
    for (const [k, v] of Object.entries(layer.paint ?? {}))
      ctx.map.setPaintProperty(layer.id, k as 'circle-color', v as never);
  }
  addRings(ctx, scene);
}

function points(sites: SceneSite[], props: (s: SceneSite) => Record<string, string | number>) {
  return {
    type: 'FeatureCollection' as const,
    features: sites.map((s) => ({
      type: 'Feature' as const,
      geometry: { type: 'Point' as const, coordinates: s.position! },
      properties: props(s),
    })),
  };
}

/** The presence layer for one map. */
export function presenceLayer(): MapLayer {
  const theme = changed<string>();
  const selection = changed<string | null>();
  const rings = changed<string>();
  const featureState = new Map<string, string>();
  return {
    add(ctx, scene) {
      const { map } = ctx;
      theme(scene.theme);
      // Only what the layers read (the sources, notes and periods stay on the main thread): the worker
      // gets a few hundred bytes to copy and tile instead of the whole fact file (issue 8).
      const mapped = scene.sites.filter((s) => s.position);
      map.addSource(SRC, {
        type: 'geojson',
        data: points(mapped, (s) => ({ id: s.id, kind: s.kind })) as never,
        promoteId: 'id',
      });
      map.addSource(RINGS, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
      addRings(ctx, scene);
      for (const layer of presenceLayers(scene)) map.addLayer(layer);
      const toSite = (e: MapLayerMouseEvent) => {
        const id = e.features?.[0]?.properties?.id;
        if (typeof id === 'string' && featureState.get(id)?.startsWith(NONE) === false) ctx.onSiteClick(id);
      };
      map.on('click', 'presence-halo', toSite);
      map.on('mouseenter', 'presence-halo', () => {
        map.getCanvas().style.cursor = 'pointer';
      });
      map.on('mouseleave', 'presence-halo', () => {
        map.getCanvas().style.cursor = '';
      });
    },
    apply(ctx, scene, selected) {
      const { map } = ctx;
      let drew = false;
      if (theme(scene.theme)) {
        paint(ctx, scene);
        drew = true;
      }
      if (selection(selected)) {
        map.setFilter('presence-selected', selectedFilter(selected));
        drew = true;
      }
      const drawn = scene.sites.filter((s) => s.drawn);
      for (const s of scene.sites) {
        if (!s.position) continue;
        const st = s.drawn ? { status: s.state!.status, basis: s.state!.basis } : { status: NONE, basis: 'confirmed' };
        // Only what changed: each setFeatureState makes MapLibre rewrite the paint arrays of every layer
        // on the source, and most slider steps change no site at all (issue 8).
        const key = `${st.status}|${st.basis}`;
        if (featureState.get(s.id) === key) continue;
        featureState.set(s.id, key);
        map.setFeatureState({ source: SRC, id: s.id }, st);
        drew = true;
      }
      const approx = drawn.filter((s) => s.precision === 'approximate');
      if (rings(approx.map((s) => s.id).join(','))) {
        (map.getSource(RINGS) as GeoJSONSource).setData(points(approx, (s) => ({ kind: s.kind })));
        drew = true;
      }
      return drew;
    },
  };
}
