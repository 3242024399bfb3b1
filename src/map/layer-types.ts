/** The contract of a map layer module (one file per layer under layers/, registered in layers/index.ts). */
import type { ExpressionSpecification, Map as MapLibreMap } from 'maplibre-gl';
import type { Lang } from '../data/schema.ts';
import type { AppData, Basemap } from '../data/types.ts';
import type { AppState } from '../state/store.ts';
import type { Palette } from '../theme/palette.ts';

export interface LayerContext {
  map: MapLibreMap;
  data: AppData;
  basemap: Partial<Basemap>;
  palette: Palette;
  lang: Lang;
  /** Called when the reader clicks or taps a site on the map. */
  onSiteClick: (siteId: string) => void;
}

export interface MapLayer {
  /** Prefix of the source and layer ids it owns. */
  id: string;
  /** Layers to raise above all others once every module is added (labels that must win placement). */
  onTop?: readonly string[];
  /** Adds its sources and layers (called once, in registry order: later layers draw on top). */
  add(ctx: LayerContext): void;
  /**
   * Applies the state (date, site) with filters, feature-state or small data updates; never re-adds
   * sources. Returns true when it changed what the canvas draws (a slider step that changes nothing on
   * the map then costs no frame at all).
   */
  update?(ctx: LayerContext, state: AppState): boolean;
  /** Re-applies colours and label language after a theme or language change. */
  restyle?(ctx: LayerContext): void;
  /** Removes DOM it created outside the canvas (markers). */
  remove?(): void;
}

/** The label expression for a `{en, de, fr, ar}` name object, falling back to English. */
export function nameField(lang: Lang, prop = 'name'): ExpressionSpecification {
  return ['coalesce', ['get', lang, ['get', prop]], ['get', 'en', ['get', prop]]];
}
