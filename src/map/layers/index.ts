/** The one registry of map layers, in drawing order (later ones on top). */
import type { LayerFactory } from '../layer-types.ts';
import { ainAlAsadLayer } from './ain-al-asad.ts';
import { basemapLayer } from './basemap.ts';
import { labelsLayer } from './labels.ts';
import { presenceLayer } from './presence.ts';
import { threatZoneLayer } from './threat-zone.ts';

export const LAYERS: readonly LayerFactory[] = [
  basemapLayer,
  threatZoneLayer,
  ainAlAsadLayer,
  labelsLayer,
  presenceLayer,
];
