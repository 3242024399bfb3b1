/** The loaded data of the app: the five fact files and the base-map layers. */
import type { FeatureCollection } from 'geojson';
import type { AinAlAsadFile, PresenceFile, SourcesFile, TimelineFile, ZoneFile } from './schema.ts';

export interface AppData {
  presence: PresenceFile;
  ain: AinAlAsadFile;
  zone: ZoneFile;
  timeline: TimelineFile;
  sources: SourcesFile;
}

/** Base-map layers, as written by `npm run geo:basemap` to public/geo/basemap/. */
export interface Basemap {
  countries: FeatureCollection;
  borders: FeatureCollection;
  admin1Lines: FeatureCollection;
  kurdistan: FeatureCollection;
  rivers: FeatureCollection;
  lakes: FeatureCollection;
  cities: FeatureCollection;
  /** The locator inset: land and Iraq and Syria at 1:110m, Europe's south to the Indian Ocean. */
  locator: FeatureCollection;
}

/** File names under /geo/ (the public contract of docs/ARCHITECTURE.md). */
export const DATA_FILES = {
  presence: 'coalition-presence.geojson',
  ain: 'ain-al-asad.geojson',
  zone: 'ne-syria-threat-zone.geojson',
  timeline: 'timeline.json',
  sources: 'sources.json',
} as const satisfies Record<keyof AppData, string>;

export const BASEMAP_FILES = {
  countries: 'basemap/countries.geojson',
  borders: 'basemap/borders.geojson',
  admin1Lines: 'basemap/admin1-lines.geojson',
  kurdistan: 'basemap/kurdistan.geojson',
  rivers: 'basemap/rivers.geojson',
  lakes: 'basemap/lakes.geojson',
  cities: 'basemap/cities.geojson',
  locator: 'basemap/locator.geojson',
} as const satisfies Record<keyof Basemap, string>;
