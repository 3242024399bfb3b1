/**
 * The one symbology table both renderers read: sizes, strokes, dashes, opacities and draw order of
 * everything the facts layers draw. The WebGL layers turn it into paint properties, the SVG renderer
 * into attributes, and tests/unit/symbology.test.ts holds both to it. Colours come from the palette
 * (src/theme/palette.ts), by theme. Lengths are CSS pixels; dashes are [dash, gap] in pixels (MapLibre
 * counts dashes in line widths, so the WebGL layers divide by the width: see `dashInWidths`).
 */
import type { Basis, Status } from '../data/schema.ts';
import type { LabelKind } from './labels.ts';
import type { Palette } from '../theme/palette.ts';

/** Zoom stops at which site radii are given (they grow linearly in between, and stay outside). */
export const RADIUS_ZOOMS = [4, 8] as const;

/** Symbol radius (px) of a site kind at the two RADIUS_ZOOMS: air bases read larger than outposts. */
export const SITE_RADIUS = { airbase: [6, 10], other: [5, 8] } as const;

/**
 * How a site symbol is built, from the inside out. The radius is the fill's; as in MapLibre's circles,
 * the status stroke lies outside it (r to r + strokeWidth). The other rings are given by their inner
 * edge beyond the radius (px) and their width (px).
 */
export const SITE = {
  /** The status stroke around the fill. */
  strokeWidth: 2,
  /** The halo under the symbol (the siteStroke colour), this far beyond the stroke: it lifts the symbol off the base map. */
  haloExtra: 1,
  /** The ring around a site whose position is only the nearby town: dotted. */
  approx: { extra: 5, width: 1.2, opacity: 0.75, dash: [1.5, 2] as [number, number] },
  /** The ring around the selected site. */
  selected: { extra: 5, width: 2.5 },
  /** Sites that were left stay on the map, muted. */
  withdrawnOpacity: 0.7,
} as const;

/** Fill opacity by basis: confirmed solid, reported half-filled, announced hollow. */
export const BASIS_FILL_OPACITY: Record<Basis, number> = { confirmed: 1, reported: 0.55, announced: 0 };

/**
 * Statuses drawn as a ring whatever the basis: "unknown" is an absence of knowledge, so it gets no
 * fill (a fill would claim as much as "present" does); its basis is in the details, not the symbol.
 */
export const HOLLOW_STATUS: Record<Status, boolean> = {
  present: false,
  drawdown: false,
  withdrawn: false,
  unknown: true,
};

/** Draw and label order: what the story is about first (present, then changing), what is gone last. */
export const STATUS_ORDER: Record<Status, number> = { present: 0, drawdown: 1, unknown: 2, withdrawn: 3 };

/** The north-east Syria zone: a tint, a hatch and a dashed outline, all in the holder's colour. */
export const ZONE = {
  fillOpacity: 0.14,
  hatch: { tile: 7, width: 1.4, opacity: 0.4 },
  line: { width: 1.5, dash: [4, 2] as [number, number], opacity: 0.9 },
  /** al-Hol camp and other points of the zone file. */
  point: { radius: 3.5, strokeWidth: 1 },
} as const;

/** Ain al-Asad's symbolic footprint around the runways. */
export const FOOTPRINT = {
  fillOpacity: 0.16,
  line: { width: 1.5, dash: [3, 2] as [number, number] },
  glow: { width: 7, opacity: 0.18, blur: 3 },
} as const;

/** Label sizes (px) at the fitted regional view; the WebGL map grows them gently with zoom. */
export const LABEL = {
  site: { size: 12, haloWidth: 1.6 },
  zone: { size: 11.5 },
  city: { rank1: 12, rank2: 11 },
  /** The line from a symbol to a label that had to move out (in the site text colour). */
  leader: { width: 1, opacity: 0.85 },
} as const;

/** The radius of a site symbol at a zoom, interpolated as the WebGL map does it. */
export function siteRadius(kind: string, zoom: number): number {
  const [z0, z1] = RADIUS_ZOOMS;
  const [r0, r1] = kind === 'airbase' ? SITE_RADIUS.airbase : SITE_RADIUS.other;
  const k = Math.min(1, Math.max(0, (zoom - z0) / (z1 - z0)));
  return r0 + (r1 - r0) * k;
}

/** How far a site's symbol reaches from its centre (px), rings included: what labels must keep clear of. */
export function siteExtent(kind: string, zoom: number, precision: string): number {
  const r = siteRadius(kind, zoom);
  const a = SITE.approx;
  return precision === 'approximate' ? r + a.extra + a.width : r + SITE.strokeWidth + SITE.haloExtra;
}

/** A dash pattern in pixels as MapLibre wants it: in multiples of the line width. */
export function dashInWidths(dash: readonly [number, number], width: number): [number, number] {
  return [dash[0] / width, dash[1] / width];
}

/** The paint of a site symbol with a status and basis, in a palette. */
export interface SiteStyle {
  color: string;
  fillOpacity: number;
  /** Opacity of the whole symbol (withdrawn sites are muted). */
  opacity: number;
}

/** How a site with this status and basis is drawn. */
export function siteStyle(status: Status, basis: Basis, p: Palette): SiteStyle {
  return {
    color: p.status[status],
    fillOpacity: HOLLOW_STATUS[status] ? 0 : BASIS_FILL_OPACITY[basis],
    opacity: status === 'withdrawn' ? SITE.withdrawnOpacity : 1,
  };
}

/** Fill, halo (px beyond the glyph) and opacity of a label kind, for both renderers. */
export function labelStyle(
  kind: LabelKind,
  p: Palette,
): { fill: string; halo: string; haloWidth: number; opacity: number } {
  switch (kind) {
    case 'country':
      return { fill: p.border, halo: p.landFocus, haloWidth: 1.25, opacity: 0.85 };
    case 'capital':
    case 'town':
      return { fill: p.cityText, halo: p.cityHalo, haloWidth: 1.5, opacity: 1 };
    case 'zone':
      return { fill: p.zoneText, halo: p.siteHalo, haloWidth: 1.5, opacity: 1 };
    case 'site':
      return { fill: p.siteText, halo: p.siteHalo, haloWidth: 1.5, opacity: 1 };
  }
}

/** The radius of a city's dot (px): capitals (rank 1) larger. */
export function cityDotRadius(rank: number): number {
  return rank === 1 ? 2.6 : 2;
}
