/**
 * The contract of a map layer module (one file per layer under layers/, registered in layers/index.ts):
 * a spec built from the symbology (src/scene/symbology.ts), and an `apply` that brings the map to a
 * scene by diffing feature-state, a paint value or a small label source. Layers never ask the facts
 * about a date: the scene has the answers.
 */
import type { ExpressionSpecification, Map as MapLibreMap } from 'maplibre-gl';
import type { Lang } from '../data/schema.ts';
import type { AppData, Basemap } from '../data/types.ts';
import type { Box, MeasureText } from '../scene/labels.ts';
import type { Scene } from '../scene/scene.ts';

export interface LayerContext {
  map: MapLibreMap;
  data: AppData;
  basemap: Partial<Basemap>;
  /** Called when the reader clicks or taps a site on the map. */
  onSiteClick: (siteId: string) => void;
  /** Boxes over the map (px) that no label may cover: the tool bar, the map's buttons, the callout. */
  reserved: () => readonly Box[];
  /** The browser's text metrics, once the fonts are in (render/frame.ts). */
  measure: () => MeasureText | undefined;
  /** The map box's size in CSS px, kept by the render host until it resizes (reading it would force a layout). */
  frame: () => { width: number; height: number };
}

/** One layer module's instance on one map (its diff state lives here, not in module globals). */
export interface MapLayer {
  /** Layers to raise above all others once every module is added (labels that must win placement). */
  onTop?: readonly string[];
  /** Adds its sources and layers, styled for the first scene (called once, in registry order: later layers draw on top). */
  add(ctx: LayerContext, scene: Scene): void;
  /**
   * Brings the map to the scene (and the selected site): feature-state, a paint value or a small data
   * update, and only what changed; never re-adds sources. Returns true when it changed what the canvas
   * draws (a slider step that changes nothing on the map then costs no frame at all).
   */
  apply(ctx: LayerContext, scene: Scene, selected: string | null): boolean;
}

/** Makes a layer instance for one map. */
export type LayerFactory = () => MapLayer;

/** The label expression for a `{en, de, fr, ar}` name object, falling back to English. */
export function nameField(lang: Lang, prop = 'name'): ExpressionSpecification {
  return ['coalesce', ['get', lang, ['get', prop]], ['get', 'en', ['get', prop]]];
}

/** A change detector: true the first time and whenever the value differs from the last one seen. */
export function changed<T>(): (value: T) => boolean {
  let last: { v: T } | null = null;
  return (value) => {
    if (last && last.v === value) return false;
    last = { v: value };
    return true;
  };
}

/** A feature-dependent expression that always gives v (`get` of a property no feature has): see circlePaint. */
export function perFeature<T>(v: T | ExpressionSpecification): ExpressionSpecification {
  return Array.isArray(v)
    ? (v as ExpressionSpecification)
    : (['coalesce', ['get', '__style'], v] as ExpressionSpecification);
}

/** A colour as a feature-dependent value, for circle layers' paint (and setPaintProperty on them). */
export function featureColor(color: string): ExpressionSpecification {
  return ['to-color', perFeature(color)];
}

/**
 * One circle shader for every circle layer. MapLibre compiles a shader variant per combination of
 * paint properties that are constant, zoom-dependent or feature-dependent, and each variant costs a
 * compile and link before the first frame (~100 ms on the bench's phone profile; issue 12). The site
 * circle needs a feature-dependent colour, opacity, stroke colour and stroke opacity and a radius by
 * zoom and kind; every other circle layer (halo, selected ring, city dots, al-Hol) writes its values
 * in the same shape, so all share that one variant.
 */
export function circlePaint(p: {
  /** [at zoom 4, at zoom 8], or an expression of that shape (zoom, then the feature). */
  radius: [number, number] | ExpressionSpecification;
  color: string | ExpressionSpecification;
  opacity?: number | ExpressionSpecification;
  strokeWidth?: number;
  strokeColor?: string | ExpressionSpecification;
  strokeOpacity?: number | ExpressionSpecification;
}): Record<string, unknown> {
  const color = (v: string | ExpressionSpecification) => (Array.isArray(v) ? v : featureColor(v));
  const radius =
    typeof p.radius[0] === 'number'
      ? ['interpolate', ['linear'], ['zoom'], 4, perFeature(p.radius[0]), 8, perFeature(p.radius[1] as number)]
      : p.radius;
  return {
    'circle-radius': radius,
    'circle-color': color(p.color),
    'circle-opacity': perFeature(p.opacity ?? 1),
    'circle-stroke-width': p.strokeWidth ?? 0,
    'circle-stroke-color': color(p.strokeColor ?? '#000000'),
    'circle-stroke-opacity': perFeature(p.strokeOpacity ?? 1),
  };
}
