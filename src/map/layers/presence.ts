/**
 * Coalition presence: one circle per mapped site, coloured by its status at the date and filled by
 * basis (confirmed solid, reported half, announced hollow), all through feature-state so a slider
 * step costs no re-tiling. Labels carry the dynamic second line ("left 17 Jan 2026") and are only
 * re-sent to the worker when a status or the language actually changed.
 */
import type { ExpressionSpecification, GeoJSONSource, MapLayerMouseEvent } from 'maplibre-gl';
import type { SiteFeature } from '../../data/schema.ts';
import { formatDate, t, tDated } from '../../i18n/index.ts';
import { statusAt } from '../../state/selectors.ts';
import type { AppState } from '../../state/store.ts';
import { BASIS_FILL_OPACITY } from '../../theme/palette.ts';
import { FONT_BOLD } from '../fonts.ts';
import { shortName } from '../label-text.ts';
import type { LayerContext, MapLayer } from '../layer-types.ts';

const SRC = 'presence';
const LABELS = 'presence-labels';

function mapped(ctx: LayerContext): SiteFeature[] {
  return ctx.data.presence.features.filter((f) => f.geometry !== null);
}

function statusColor(ctx: LayerContext): ExpressionSpecification {
  const s = ctx.palette.status;
  return [
    'match',
    ['feature-state', 'status'],
    'present',
    s.present,
    'drawdown',
    s.drawdown,
    'withdrawn',
    s.withdrawn,
    s.unknown,
  ];
}

const FILL_OPACITY: ExpressionSpecification = [
  'match',
  ['feature-state', 'basis'],
  'confirmed',
  BASIS_FILL_OPACITY.confirmed,
  'reported',
  BASIS_FILL_OPACITY.reported,
  BASIS_FILL_OPACITY.announced,
];

// Air bases read larger than outposts; sizes grow gently with zoom. ("zoom" must stay the top-level input.)
function radius(extra = 0): ExpressionSpecification {
  return [
    'interpolate',
    ['linear'],
    ['zoom'],
    4,
    ['match', ['get', 'kind'], 'airbase', 6 + extra, 5 + extra],
    8,
    ['match', ['get', 'kind'], 'airbase', 10 + extra, 8 + extra],
  ];
}

function labelText(ctx: LayerContext, f: SiteFeature, date: string): string {
  const name = shortName(f.properties.name[ctx.lang]);
  const st = statusAt(f, date);
  if (!st || st.status === 'present') return name;
  const precision = st.period.startPrecision ?? 'day';
  const when = formatDate(ctx.lang, st.since, precision, true);
  if (st.status === 'withdrawn') return `${name}\n${tDated(ctx.lang, 'site.left', precision, { date: when })}`;
  return `${name}\n${t(ctx.lang, `status.${st.status}`)}`;
}

let lastLabelKey = '';
const lastFeatureState = new Map<string, string>();
let lastSelected: string | null = null;

const selectedFilter = (site: string | null): ExpressionSpecification => ['==', ['get', 'id'], site ?? ''];

function paintAll(ctx: LayerContext): void {
  const { map, palette } = ctx;
  map.setPaintProperty('presence-halo', 'circle-color', palette.siteStroke);
  map.setPaintProperty('presence-circle', 'circle-stroke-color', statusColor(ctx));
  map.setPaintProperty('presence-circle', 'circle-color', statusColor(ctx));
  map.setPaintProperty('presence-approx', 'circle-stroke-color', palette.siteText);
  map.setPaintProperty('presence-selected', 'circle-stroke-color', palette.highlight);
  map.setPaintProperty('presence-label', 'text-color', palette.siteText);
  map.setPaintProperty('presence-label', 'text-halo-color', palette.siteHalo);
}

export const presenceLayer: MapLayer = {
  id: SRC,
  add(ctx) {
    const { map } = ctx;
    // Only what the layers read (the sources, notes and periods stay on the main thread): the worker
    // gets a few hundred bytes to copy and tile instead of the whole fact file (issue 8).
    const features = mapped(ctx).map((f) => ({
      type: 'Feature' as const,
      id: f.id,
      geometry: f.geometry,
      properties: { id: f.id, kind: f.properties.kind, location: { precision: f.properties.location.precision } },
    }));
    map.addSource(SRC, { type: 'geojson', data: { type: 'FeatureCollection', features } as never, promoteId: 'id' });
    map.addSource(LABELS, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
    map.addLayer({
      id: 'presence-approx',
      type: 'circle',
      source: SRC,
      filter: ['==', ['get', 'precision', ['get', 'location']], 'approximate'],
      paint: {
        'circle-radius': radius(6),
        'circle-color': 'rgba(0,0,0,0)',
        'circle-stroke-width': 1.2,
        'circle-stroke-opacity': 0.7,
      },
    });
    map.addLayer({
      id: 'presence-halo',
      type: 'circle',
      source: SRC,
      paint: { 'circle-radius': radius(2), 'circle-blur': 0.2 },
    });
    map.addLayer({
      id: 'presence-circle',
      type: 'circle',
      source: SRC,
      paint: {
        'circle-radius': radius(),
        'circle-opacity': FILL_OPACITY,
        'circle-stroke-width': 2,
        // Sites that were left stay on the map, muted, so the reader sees what changed.
        'circle-stroke-opacity': ['case', ['==', ['feature-state', 'status'], 'withdrawn'], 0.75, 1],
      },
    });
    // The ring around the selected site: a filter (set when the selection changes) rather than a
    // feature-state opacity, so this layer shares its shader with the approximate rings and the halos.
    map.addLayer({
      id: 'presence-selected',
      type: 'circle',
      source: SRC,
      filter: selectedFilter(null),
      paint: {
        'circle-radius': radius(5),
        'circle-color': 'rgba(0,0,0,0)',
        'circle-stroke-width': 2.5,
      },
    });
    map.addLayer({
      id: 'presence-label',
      type: 'symbol',
      source: LABELS,
      layout: {
        'text-field': ['get', 'label'],
        'text-font': [FONT_BOLD],
        'text-size': ['interpolate', ['linear'], ['zoom'], 4, 11, 8, 14],
        'text-variable-anchor': ['top-left', 'bottom-left', 'top-right', 'bottom-right', 'left', 'right'],
        'text-radial-offset': 0.9,
        'text-justify': 'auto',
        'text-max-width': 12,
        'symbol-sort-key': ['get', 'rank'],
        'text-optional': true,
      },
      paint: { 'text-halo-width': 1.6 },
    });
    paintAll(ctx);
    lastLabelKey = '';
    lastFeatureState.clear();
    lastSelected = null;
    const toSite = (e: MapLayerMouseEvent) => {
      const id = e.features?.[0]?.properties?.id;
      if (typeof id === 'string') ctx.onSiteClick(id);
    };
    map.on('click', 'presence-halo', toSite);
    map.on('mouseenter', 'presence-halo', () => {
      map.getCanvas().style.cursor = 'pointer';
    });
    map.on('mouseleave', 'presence-halo', () => {
      map.getCanvas().style.cursor = '';
    });
  },
  update(ctx, state: AppState) {
    const { map } = ctx;
    const sites = mapped(ctx);
    const keyParts: string[] = [ctx.lang];
    let changed = state.site !== lastSelected;
    if (changed) map.setFilter('presence-selected', selectedFilter(state.site));
    lastSelected = state.site;
    for (const f of sites) {
      const st = statusAt(f, state.date);
      const status = st?.status ?? 'unknown';
      const basis = st?.basis ?? 'reported';
      // Only what changed: each setFeatureState makes MapLibre rewrite the paint arrays of every layer
      // on the source, and most slider steps change no site at all (issue 8).
      const stateKey = `${status}|${basis}`;
      if (lastFeatureState.get(f.id) !== stateKey) {
        lastFeatureState.set(f.id, stateKey);
        map.setFeatureState({ source: SRC, id: f.id }, { status, basis });
        changed = true;
      }
      keyParts.push(`${f.id}:${status}:${st?.since ?? ''}`);
    }
    const key = keyParts.join('|');
    if (key === lastLabelKey) return changed;
    lastLabelKey = key;
    const features = sites.map((f, i) => ({
      type: 'Feature' as const,
      geometry: f.geometry!,
      properties: {
        id: f.id,
        label: labelText(ctx, f, state.date),
        rank: f.properties.kind === 'airbase' ? i : 100 + i,
      },
    }));
    (map.getSource(LABELS) as GeoJSONSource).setData({ type: 'FeatureCollection', features });
    return true;
  },
  restyle(ctx) {
    paintAll(ctx);
    lastLabelKey = '';
  },
};
