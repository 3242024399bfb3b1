/**
 * Where every label of the map goes, for a scene in a frame at a camera: the one layout both
 * renderers draw (the SVG map as <text>, the WebGL map as symbols anchored exactly there, with
 * MapLibre's own collision switched off). Priority: the story's sites (present and changing first,
 * then unknown, then left), the zone, the capitals, then country names and cities; a label that finds
 * no free side moves out with a leader line, and one that still finds no room is left out rather than
 * laid over a symbol, another label, the frame's edge or the map's controls.
 */
import type { Feature } from 'geojson';
import type { Lang } from '../data/schema.ts';
import type { AppData, Basemap } from '../data/types.ts';
import { fitView, type View } from '../state/view.ts';
import {
  type Box,
  type LabelRequest,
  type MeasureText,
  measured,
  overlaps,
  type Placed,
  placeLabels,
  segmentCrosses,
} from './labels.ts';
import { type StaticProjection, staticProjection } from './projection.ts';
import { AIN_SITE, type Scene, type SceneSite } from './scene.ts';
import { cityDotRadius, LABEL, siteExtent } from './symbology.ts';

/** The frame the labels must stay in. */
export interface LabelFrame {
  width: number;
  height: number;
  /** The camera (default: the fitted regional view). */
  view?: View;
  /** Boxes over the map that no label may cover (the tool bar, zoom buttons, credit, a callout), in px. */
  reserved?: readonly Box[];
  /** The browser's text metrics; without them (at build time) widths are estimated per character. */
  measure?: MeasureText;
}

/** A placed label with the point it belongs to in [lon, lat] (where the WebGL map anchors it). */
export interface LaidLabel extends Placed {
  lonLat: [number, number];
}

export interface LabelLayout {
  labels: LaidLabel[];
  /** The site symbols' boxes (what the labels kept clear of). */
  symbols: Box[];
  view: View;
}

/** Distance between a site's symbol and its label (px). */
const GAP = 2;
/** How much further out (px) a site label may move, with a leader line, where no side is free. */
const SITE_LEADER = [14, 28, 42, 56];
/** Frames narrower than this (phones) get smaller site labels. */
export const COMPACT_WIDTH = 500;
/** Labels keep this far inside the frame (px). */
const INSET = 4;

/** Localized name of a base-map feature ({en, de, fr, ar}), falling back to English. */
export function baseName(f: Feature, lang: Lang): string {
  const name = f.properties?.name as Record<string, string> | string | null | undefined;
  if (typeof name === 'string') return name;
  if (!name) return '';
  // Base-map files have no schema: anything but a string name is treated as no name.
  const v = name[lang] || name.en;
  return typeof v === 'string' ? v : '';
}

/** Cities of one rank, in file order, each with its dot (drawn only with its label). */
function cityRequests(proj: StaticProjection, basemap: Partial<Basemap>, lang: Lang, rank: number): LabelRequest[] {
  const out: LabelRequest[] = [];
  for (const f of basemap.cities?.features ?? []) {
    if (Number(f.properties?.rank) !== rank || f.geometry?.type !== 'Point') continue;
    const xy = proj.point(f.geometry.coordinates as [number, number]);
    const text = baseName(f, lang);
    if (!xy || !text) continue;
    const [x, y] = xy;
    const r = cityDotRadius(rank);
    out.push({
      key: `city:${String(f.properties?.id ?? f.id)}`,
      kind: rank === 1 ? 'capital' : 'town',
      text,
      x,
      y,
      offset: r + 3,
      size: rank === 1 ? LABEL.city.rank1 : LABEL.city.rank2,
      rtl: lang === 'ar',
      bold: rank === 1,
      // A capital may move a little off its dot (Baghdad's sits under Victory Base Complex), no further.
      ...(rank === 1 ? { leader: [14, 28] } : {}),
      anchor: { box: { x0: x - r - 1, y0: y - r - 1, x1: x + r + 1, y1: y + r + 1 }, overlap: rank === 1 },
    });
  }
  return out;
}

// Countries with less visible land than this (px²) are left unlabelled: Lebanon, Kuwait or a sliver at the edge.
const MIN_AREA = 15000;

/** Country names in spaced capitals (plain for Arabic, whose letters must stay joined), at the visible centre. */
function countryRequests(proj: StaticProjection, basemap: Partial<Basemap>, lang: Lang): LabelRequest[] {
  const path = proj.path(2);
  const rtl = lang === 'ar';
  const out: LabelRequest[] = [];
  for (const f of basemap.countries?.features ?? []) {
    const area = path.area(f as never);
    const name = baseName(f, lang);
    if (area < MIN_AREA || !name) continue;
    const [x, y] = path.centroid(f as never);
    const focus = f.properties?.focus === true;
    const size = focus ? 13 : 11.5;
    const spacing = rtl ? 0 : size * 0.16;
    out.push({
      key: `country:${String(f.properties?.id ?? f.id)}`,
      kind: 'country',
      text: rtl ? name : name.toLocaleUpperCase(lang),
      x,
      y,
      offset: 0,
      size,
      rtl,
      bold: true,
      spacing,
      em: rtl ? undefined : 0.7 + spacing / size,
      sides: ['below', 'above'],
      alternatives: [-1, 1].flatMap(
        (s) =>
          [
            [x, y + s * 40],
            [x + s * 60, y],
            [x + s * 60, y + s * 40],
          ] as [number, number][],
      ),
    });
  }
  return out.sort((a, b) => b.size - a.size);
}

function zoneRequest(scene: Scene, data: AppData, proj: StaticProjection): LabelRequest | null {
  const zone = scene.zone && data.zone.features.find((f) => f.id === scene.zone!.id);
  if (!scene.zone || !zone) return null;
  const path = proj.path(0.5);
  const [cx, cy] = scene.zone.labelAt
    ? (proj.point(scene.zone.labelAt) ?? path.centroid(zone as never))
    : path.centroid(zone as never);
  if (!Number.isFinite(cx) || !Number.isFinite(cy)) return null;
  return {
    key: `zone:${scene.zone.id}`,
    kind: 'zone',
    text: scene.zone.label,
    sub: scene.zone.sub,
    x: cx,
    y: cy,
    offset: 0,
    bold: true,
    sides: ['below', 'above'],
    // Sites sit inside the zone and are labelled first: try a few spots around the centre before giving up.
    alternatives: [
      [cx, cy + 30],
      [cx, cy - 30],
      [cx - 40, cy],
      [cx + 40, cy],
      [cx - 40, cy + 30],
      [cx + 40, cy + 30],
    ],
    size: LABEL.zone.size,
    rtl: scene.lang === 'ar',
  };
}

/** The drawn sites that fall in the frame, bottom to top, at their pixel position. */
export function sitesInFrame(scene: Scene, proj: StaticProjection): { site: SceneSite; xy: [number, number] }[] {
  const byId = new Map(scene.sites.map((s) => [s.id, s]));
  return scene.drawOrder
    .map((id) => byId.get(id)!)
    .map((site) => ({ site, xy: proj.point(site.position!) }))
    .filter((s): s is { site: SceneSite; xy: [number, number] } => !!s.xy);
}

/** The box each site's symbol covers (rings included), in the order of `sites`. */
function symbolBoxes(sites: { site: SceneSite; xy: [number, number] }[], zoom: number): Box[] {
  return sites.map(({ site, xy: [x, y] }) => {
    const rr = siteExtent(site.kind, zoom, site.precision) + 0.5;
    return { x0: x - rr, y0: y - rr, x1: x + rr, y1: y + rr };
  });
}

/** Where a callout over the map may sit: the corners the page's CSS knows (map.css, `.ain-callout`). */
export type CalloutCorner = 'bottom-start' | 'bottom-end' | 'top-end';
const CORNERS: readonly CalloutCorner[] = ['bottom-start', 'bottom-end', 'top-end'];
/** The callout's distance from the frame's edges at each corner (px): clear of the credit and the zoom buttons. */
export const CALLOUT_MARGIN = { side: 10, bottom: 12, aboveCredit: 44, belowZoom: 80 } as const;

/** The box a callout of a size takes at a corner of the frame (start is the left in LTR, the right in RTL). */
export function calloutBox(
  corner: CalloutCorner,
  size: { width: number; height: number },
  w: number,
  h: number,
  rtl: boolean,
): Box {
  const m = CALLOUT_MARGIN;
  const atStart = corner === 'bottom-start';
  const left = atStart !== rtl;
  const x0 = left ? m.side : w - m.side - size.width;
  const y0 =
    corner === 'top-end' ? m.belowZoom : h - (corner === 'bottom-end' ? m.aboveCredit : m.bottom) - size.height;
  return { x0, y0, x1: x0 + size.width, y1: y0 + size.height };
}

/** Where the callout goes, the base's point, and the leader line between them (px), or null. */
export interface CalloutPlace {
  corner: CalloutCorner;
  target: [number, number] | null;
  /** From the callout's edge to just short of the base's symbol; null where it would cross another site. */
  leader: [[number, number], [number, number]] | null;
  /** It covers one of the map's controls (the credit, where every free corner does): fold the credit. */
  covers: boolean;
}

/**
 * The corner for Ain al-Asad's callout at a camera: the first that hides no site symbol nor the map's
 * controls and whose leader line to the base crosses no other site (the south-west desert first, then
 * the south-east above the credit, then the north-east under the zoom buttons); else one without a
 * leader (a line through another site would point at it); else one that covers the credit but no
 * site; else the first corner.
 */
export function calloutPlace(
  scene: Scene,
  size: { width: number; height: number },
  frame: { width: number; height: number; view?: View },
  /** What the callout must not cover either (the map's zoom buttons and credit). */
  avoid: readonly Box[] = [],
): CalloutPlace {
  const { width: w, height: h } = frame;
  const view = frame.view ?? fitView(w, h);
  const proj = staticProjection(w, h, view);
  const sites = sitesInFrame(scene, proj);
  const symbols = symbolBoxes(sites, view.zoom);
  const rtl = scene.lang === 'ar';
  const ain = sites.findIndex(({ site }) => site.id === AIN_SITE);
  const at = ain >= 0 ? sites[ain]!.xy : null;
  const target = at && at[0] >= 0 && at[0] <= w && at[1] >= 0 && at[1] <= h ? at : null;
  const others = symbols.filter((_, i) => i !== ain);
  const options = CORNERS.map((corner) => {
    const box = calloutBox(corner, size, w, h, rtl);
    const hides = symbols.some((s) => overlaps(s, box));
    const covers = avoid.some((a) => overlaps(a, box));
    let leader: CalloutPlace['leader'] = null;
    if (target) {
      const from: [number, number] = [
        Math.min(Math.max(target[0], box.x0), box.x1),
        Math.min(Math.max(target[1], box.y0), box.y1),
      ];
      const d = Math.hypot(target[0] - from[0], target[1] - from[1]);
      const stop = Math.min(12, d);
      const to: [number, number] = [
        target[0] - ((target[0] - from[0]) / (d || 1)) * stop,
        target[1] - ((target[1] - from[1]) / (d || 1)) * stop,
      ];
      if (d > stop && !others.some((s) => segmentCrosses(s, from, to))) leader = [from, to];
    }
    return { corner, hides, covers, leader };
  });
  // A site is news; the credit (public-domain base map, OFL fonts) may be covered before a site is.
  const pick =
    options.find((o) => !o.hides && !o.covers && o.leader) ??
    options.find((o) => !o.hides && !o.covers) ??
    options.find((o) => !o.hides) ??
    options[0]!;
  return { corner: pick.corner, target, leader: pick.leader, covers: pick.covers };
}

/** The country and city candidates, which depend on the frame, camera and language but not the date. */
type BaseCandidates = { countries: LabelRequest[]; capitals: LabelRequest[]; towns: LabelRequest[] };
const candidates = new WeakMap<object, Map<string, BaseCandidates>>();

function baseCandidates(
  proj: StaticProjection,
  basemap: Partial<Basemap>,
  lang: Lang,
  key: string,
  measure: MeasureText | undefined,
): BaseCandidates {
  let byKey = candidates.get(basemap);
  if (!byKey) {
    byKey = new Map();
    candidates.set(basemap, byKey);
  }
  let c = byKey.get(key);
  if (!c) {
    const m = (list: LabelRequest[]) => (measure ? list.map((l) => measured(l, measure)) : list);
    c = {
      countries: m(countryRequests(proj, basemap, lang)),
      capitals: m(cityRequests(proj, basemap, lang, 1)),
      towns: m(cityRequests(proj, basemap, lang, 2)),
    };
    // A reader who pans and zooms makes a new key per camera: keep the last few only.
    if (byKey.size > 16) byKey.delete(byKey.keys().next().value!);
    byKey.set(key, c);
  }
  return c;
}

/** What a legend placed among the labels must avoid, by weight (the SVG map's legend for images and print). */
export type LegendPlacer = (avoid: { box: Box; weight: number }[]) => Box | null;

/**
 * The label layout of a scene in a frame. `legend`, when given, is asked for its box once the sites
 * and capitals are placed (it takes the corner that hides least); capitals under it are dropped and
 * the country and town names keep clear of it.
 */
export function labelLayout(
  scene: Scene,
  data: AppData,
  basemap: Partial<Basemap>,
  frame: LabelFrame,
  legend?: LegendPlacer,
): LabelLayout {
  const { width: w, height: h } = frame;
  const view = frame.view ?? fitView(w, h);
  const proj = staticProjection(w, h, view);
  const { zoom } = view;
  const sites = sitesInFrame(scene, proj);
  const symbols = symbolBoxes(sites, zoom);
  const taken: Box[] = [...symbols, ...(frame.reserved ?? [])];
  const bounds: Box = { x0: INSET, y0: INSET, x1: w - INSET, y1: h - INSET };
  const rtl = scene.lang === 'ar';
  // A phone's map is a third of a desktop's: its site labels are a size smaller, without the kind of place.
  const compact = w < COMPACT_WIDTH;
  const siteSize = compact ? LABEL.site.size - 1 : LABEL.site.size;
  // Most important first: drawOrder is bottom to top, so the top of it is placed first.
  const siteRequests: LabelRequest[] = [...sites].reverse().map(({ site, xy }) => ({
    key: `site:${site.id}`,
    kind: 'site',
    text: compact ? site.compactLabel : site.label,
    ...(site.sub ? { sub: site.sub } : {}),
    x: xy[0],
    y: xy[1],
    offset: siteExtent(site.kind, zoom, site.precision) + GAP,
    size: siteSize,
    rtl,
    bold: true,
    muted: site.state?.status === 'withdrawn',
    leader: SITE_LEADER,
  }));
  const zone = zoneRequest(scene, data, proj);
  const key = `${w}x${h}|${scene.lang}|${view.center.join(',')}|${view.zoom}|${frame.measure ? 'measured' : 'estimated'}`;
  const base = baseCandidates(proj, basemap, scene.lang, key, frame.measure);
  const requests = zone ? [...siteRequests, zone] : siteRequests;
  const m = frame.measure;
  const placedSites = placeLabels(m ? requests.map((l) => measured(l, m)) : requests, taken, bounds);
  let capitals = placeLabels(base.capitals, taken, bounds);
  if (legend) {
    const dot = (x: number, y: number, r: number): Box => ({ x0: x - r, y0: y - r, x1: x + r, y1: y + r });
    const box = legend([
      ...symbols.map((b) => ({ box: b, weight: 10 })),
      ...placedSites.map((l) => ({ box: l.box, weight: 10 })),
      ...capitals.map((l) => ({ box: l.box, weight: 3 })),
      ...base.towns.map((c) => ({ box: dot(c.x, c.y, 3), weight: 1 })),
    ]);
    if (box) {
      capitals = capitals.filter((c) => !overlaps(c.box, box));
      taken.push(box);
    }
  }
  const countries = placeLabels(base.countries, taken, bounds);
  const towns = placeLabels(base.towns, taken, bounds);
  const laid = (p: Placed): LaidLabel => ({ ...p, lonLat: proj.invert([p.req.x, p.req.y]) });
  return { labels: [...countries, ...capitals, ...towns, ...placedSites].map(laid), symbols, view };
}
