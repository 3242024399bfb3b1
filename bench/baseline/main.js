/**
 * The benchmark's baseline: the base map and the coalition sites from the same /geo/ files, drawn the
 * way MapLibre's own examples do it, with no app code. Base-map sources are URLs (the worker fetches
 * them); the sites are fetched here because the slider needs their periods. The same fonts, camera
 * and fadeDuration as the app. `data-map-state=ready` on the first idle; on every idle `data-date`
 * is the drawn date, so the benchmark can wait for a slider step the same way on both pages.
 */
import * as maplibregl from '/node_modules/maplibre-gl/dist/maplibre-gl.mjs';

const GEO = new URL('/geo/', location.href).href;
const FONTS = new URL('/node_modules/@fontsource/noto-sans/files/', location.href).href;
const RANGE = ['2024-09-01', '2026-12-31'];
const DAY = 86400000;
const root = document.documentElement;

/**
 * @param {string} id @param {string} source @param {string} color @param {number} width
 * @returns {maplibregl.LineLayerSpecification}
 */
const line = (id, source, color, width) => ({
  id,
  type: 'line',
  source,
  layout: { 'line-join': 'round', 'line-cap': 'round' },
  paint: { 'line-color': color, 'line-width': width },
});

/** @typedef {{ type: 'Feature', id: string, geometry: GeoJSON.Geometry | null, properties: { id?: string, periods: { start: string, end?: string }[] } }} Site */
/** @type {Promise<{ type: 'FeatureCollection', features: Site[] }>} */
const presence = fetch(`${GEO}coalition-presence.geojson`).then((r) => r.json());
const map = new maplibregl.Map({
  container: 'map',
  bounds: [35.4, 29.4, 48.6, 37.9],
  fitBoundsOptions: { padding: 8 },
  fadeDuration: 0,
  style: {
    version: 8,
    'font-faces': {
      'Noto Sans Regular': `${FONTS}noto-sans-latin-400-normal.woff2`,
      'Noto Sans SemiBold': `${FONTS}noto-sans-latin-600-normal.woff2`,
    },
    sources: Object.fromEntries(
      ['countries', 'kurdistan', 'lakes', 'rivers', 'admin1-lines', 'borders', 'cities'].map((name) => [
        name,
        { type: 'geojson', data: `${GEO}basemap/${name}.geojson` },
      ]),
    ),
    layers: [
      { id: 'sea', type: 'background', paint: { 'background-color': '#cfe0ea' } },
      { id: 'countries', type: 'fill', source: 'countries', paint: { 'fill-color': '#f1efe9' } },
      { id: 'kurdistan', type: 'fill', source: 'kurdistan', paint: { 'fill-color': '#8a6d3b', 'fill-opacity': 0.06 } },
      { id: 'lakes', type: 'fill', source: 'lakes', paint: { 'fill-color': '#cfe0ea' } },
      line('rivers', 'rivers', '#8fb3c9', 1),
      line('admin1', 'admin1-lines', '#c9c3b5', 0.8),
      line('borders', 'borders', '#7d7668', 1.2),
      { id: 'city-dots', type: 'circle', source: 'cities', paint: { 'circle-radius': 2.5, 'circle-color': '#3b3a36' } },
      {
        id: 'city-labels',
        type: 'symbol',
        source: 'cities',
        layout: {
          'text-field': ['get', 'en', ['get', 'name']],
          'text-font': [
            'case',
            ['==', ['get', 'rank'], 1],
            ['literal', ['Noto Sans SemiBold']],
            ['literal', ['Noto Sans Regular']],
          ],
          'text-size': 12,
          'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
          'text-radial-offset': 0.55,
        },
        paint: { 'text-color': '#3b3a36', 'text-halo-color': '#fbfaf7', 'text-halo-width': 1.5 },
      },
    ],
  },
});

const slider = /** @type {HTMLInputElement} */ (document.getElementById('date-slider'));
const [START, END] = /** @type {[string, string]} */ (RANGE);
const days = Math.round((Date.parse(END) - Date.parse(START)) / DAY);
Object.assign(slider, { min: '0', max: String(days), step: '1' });
let drawn = root.dataset.date ?? END;
const dateAt = (/** @type {string} */ value) =>
  new Date(Date.parse(START) + Number(value) * DAY).toISOString().slice(0, 10);

// The sites whose periods cover a date (the same intervals the app draws), as a plain filter.
/** @param {{ features: Site[] }} fc @param {string} date */
const visibleAt = (fc, date) =>
  fc.features
    .filter((f) => f.geometry && f.properties.periods.some((p) => p.start <= date && (!p.end || p.end >= date)))
    .map((f) => f.id);

map.on('load', async () => {
  const fc = await presence;
  for (const f of fc.features) f.properties.id = f.id;
  map.addSource('sites', { type: 'geojson', data: /** @type {GeoJSON.FeatureCollection} */ (fc) });
  map.addLayer({
    id: 'sites',
    type: 'circle',
    source: 'sites',
    paint: { 'circle-radius': 6, 'circle-color': '#0072b2', 'circle-stroke-width': 2, 'circle-stroke-color': '#fff' },
  });
  const show = (/** @type {string} */ date) => {
    drawn = date;
    map.setFilter('sites', ['in', ['get', 'id'], ['literal', visibleAt(fc, date)]]);
  };
  slider.value = String(days);
  show(END);
  slider.addEventListener('input', () => show(dateAt(slider.value)));
  map.on('idle', () => {
    root.dataset.date = drawn;
    root.dataset.mapState = 'ready';
  });
});
