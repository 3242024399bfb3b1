/**
 * The scene: everything either renderer draws at a date, in a language and a theme, computed once
 * from the facts. The WebGL map, the SVG map, the legend, the site list, the table, the live region
 * and the print view all read it; none of them asks the facts about a date again. Pure: no DOM, no
 * map, no clock.
 */
import { type Control, type Lang, type Period, STATUSES, type SiteProperties, type Status } from '../data/schema.ts';
import type { AppData, Basemap } from '../data/types.ts';
import { formatDate, formatNumber, t } from '../i18n/index.ts';
import { periodAt } from '../data/periods.ts';
import { reportingEndsFor } from '../data/freshness.ts';
import { phaseAt, type Phase } from '../state/selectors.ts';
import type { AppState } from '../state/store.ts';
import { paletteFor, type Palette, type ThemeName } from '../theme/palette.ts';
import { altText } from './alt-text.ts';
import { ainDistances, type AinDistances } from './distances.ts';
import { deadlinesFor, freshnessAt, type SceneDeadline, type SceneFreshness } from './news.ts';
import {
  compactName,
  gapSentence,
  labelSub,
  shortStatus,
  shortName,
  type StatusAt,
  statusSentence,
} from './status-text.ts';
import { STATUS_ORDER } from './symbology.ts';

/** A site in the scene. */
export interface SceneSite {
  id: string;
  /** Its full name in the scene's language, the shorter one the map writes, and the shortest (phones). */
  name: string;
  label: string;
  compactLabel: string;
  /** The label's second line ("left 17 Jan 2026", "Drawing down"), or null. */
  sub: string | null;
  kind: SiteProperties['kind'];
  country: SiteProperties['country'];
  /** [lon, lat], or null where no position is sourced (then it is listed, never placed). */
  position: [number, number] | null;
  precision: 'exact' | 'approximate' | 'unknown';
  /** Its state at the date, or null before its first period. */
  state: StatusAt | null;
  /** "Left / handed over (confirmed) since 12 February 2026", or "No data for this date". */
  statusText: string;
  /** The same in a few words for lists: "Left / handed over · 18 Jan 2026". */
  shortText: string;
  /** On the map: it has a position and a state at the date. */
  drawn: boolean;
  /** The last day a report describes the site. */
  lastReport: string;
  /**
   * Not known because the reports stopped: the date is after the last report and the status is
   * unknown. `lastKnown` is what the last report said (null when it too was unknown).
   */
  reportGap: boolean;
  lastKnown: StatusAt | null;
  /** Why it is not on the map (its location note), or null when it is placed. */
  whyUnplaced: string | null;
  /** The deadlines announced for the site, beside what happened. */
  deadlines: SceneDeadline[];
  /** Label priority and draw order: 0 is placed first and drawn on top. */
  rank: number;
}

/** The north-east Syria zone at the date. */
export interface SceneZone {
  id: string;
  control: Control;
  name: string;
  /** The label's two lines: the zone's short name and who held it. */
  label: string;
  sub: string;
  /** Where the label goes, [lon, lat] (the file's labelAt, else null: the renderer uses the area's centre). */
  labelAt: [number, number] | null;
  sources: string[];
}

/** A point of the zone file (al-Hol camp). */
export interface ScenePoint {
  id: string;
  name: string;
  position: [number, number];
}

/** Ain al-Asad's callout. */
export interface SceneAin {
  name: string;
  status: Status | 'none';
  statusText: string;
  distances: AinDistances | null;
  /** "95 km from the Syrian border, 395 km from Erbil", or '' where the base map lacks them. */
  distanceText: string;
  /** The deadlines announced for the base (the presence site of the same name), beside what happened. */
  deadlines: SceneDeadline[];
}

export interface Scene {
  date: string;
  lang: Lang;
  theme: ThemeName;
  palette: Palette;
  phase: Phase | null;
  /** Every site, in file order. */
  sites: SceneSite[];
  /** The ids of the drawn sites, bottom to top (the most important last, so it ends up on top). */
  drawOrder: string[];
  /** Sites with a state at the date, by status (drawn or not). */
  counts: Record<Status, number>;
  /** Of those, the ones on the map. */
  drawnCounts: Record<Status, number>;
  /**
   * The legend's count of each status in words: the number, or "not known" for present and drawing
   * down after the last report on any site (a 0 there would say the coalition had gone).
   */
  countText: Record<Status, string>;
  /** Sites whose status is not known because the reports on them stopped. */
  gapCount: number;
  /** How current the facts are. */
  fresh: SceneFreshness;
  /** Sites with a state at the date but no sourced position: listed, not drawn. */
  unmapped: SceneSite[];
  zone: SceneZone | null;
  points: ScenePoint[];
  ain: SceneAin | null;
  /** The map's accessible name ("Map of coalition sites … on {date}"), its one-paragraph summary, and the alt text. */
  title: string;
  summary: string;
  alt: string;
  /** "Coalition presence on 1 June 2025". */
  legendTitle: string;
}

/** The presence site that is the Ain al-Asad of the base file (its announcements name this id). */
export const AIN_SITE = 'ain-al-asad';

/** The facts a scene is computed from. */
export interface SceneInput {
  data: AppData;
  basemap: Partial<Basemap>;
}

/** A period in force as the scene's state. */
function stateOf(period: Period | null): StatusAt | null {
  return (
    period && {
      status: period.status,
      basis: period.basis,
      since: period.start,
      sincePrecision: period.startPrecision ?? 'day',
      period,
    }
  );
}

type Feature = AppData['presence']['features'][number];
type Worded = Pick<SceneSite, 'state' | 'lastKnown' | 'sub' | 'statusText' | 'shortText'>;
// What follows a site's period rather than the day, worded once per period, language and gap: a
// slider step mostly stays inside every site's period (issue 12: the scene is built at every step).
const worded = new WeakMap<object, Map<string, Worded>>();

function wordedFor(
  input: SceneInput,
  f: Feature,
  period: Period | null,
  lastReport: string,
  reportGap: boolean,
  lang: Lang,
): Worded {
  let byKey = worded.get(period ?? f);
  if (!byKey) {
    byKey = new Map();
    worded.set(period ?? f, byKey);
  }
  const key = `${lang}|${reportGap}`;
  const kept = byKey.get(key);
  if (kept) return kept;
  const state = stateOf(period);
  const lastKnown = reportGap ? stateOf(periodAt(f.properties.periods, lastReport)) : null;
  const rangeStart = input.data.timeline.range.start;
  const w: Worded = {
    state,
    lastKnown,
    sub: labelSub(lang, state),
    statusText: reportGap
      ? gapSentence(lang, lastReport, lastKnown, rangeStart)
      : statusSentence(lang, state, rangeStart),
    shortText: shortStatus(lang, state, rangeStart, reportGap ? lastReport : null),
  };
  byKey.set(key, w);
  return w;
}

function siteAt(input: SceneInput, f: Feature, i: number, date: string, lang: Lang) {
  const p = f.properties;
  const period = periodAt(p.periods, date);
  const name = p.name[lang] || p.name.en;
  const position = f.geometry ? ([...f.geometry.coordinates] as [number, number]) : null;
  const lastReport = reportingEndsFor(input.data, f.id);
  const reportGap = period?.status === 'unknown' && date > lastReport;
  const { state, lastKnown, sub, statusText, shortText } = wordedFor(input, f, period, lastReport, reportGap, lang);
  const site: SceneSite = {
    id: f.id,
    name,
    label: shortName(name),
    compactLabel: compactName(lang, shortName(name)),
    sub,
    kind: p.kind,
    country: p.country,
    position,
    precision: p.location.precision,
    state,
    statusText,
    shortText,
    drawn: !!(position && state),
    lastReport,
    reportGap,
    lastKnown,
    whyUnplaced: position ? null : p.location.note[lang] || p.location.note.en,
    deadlines: deadlinesFor(input.data, f.id, lang),
    // Ain al-Asad, the base the story follows (it has the callout), is labelled first whatever its status.
    rank: f.id === AIN_SITE ? -1 : (state ? STATUS_ORDER[state.status] : 9) * 100 + i,
  };
  return site;
}

function zoneAtDate(data: AppData, date: string, lang: Lang): SceneZone | null {
  const zone = data.zone.features.find((f) => f.properties.role === 'zone');
  const period = zone ? periodAt(zone.properties.periods, date) : null;
  if (!zone || !period) return null;
  const name = zone.properties.name[lang] || zone.properties.name.en;
  return {
    id: zone.id,
    control: period.control,
    name,
    label: shortName(name),
    sub: t(lang, `control.${period.control}`),
    labelAt: zone.properties.labelAt ? [...zone.properties.labelAt] : null,
    sources: period.sources,
  };
}

function ainAtDate(input: SceneInput, date: string, lang: Lang): SceneAin | null {
  const pt = input.data.ain.features.find((f) => f.properties.role === 'point');
  if (pt?.geometry.type !== 'Point') return null;
  const period = periodAt(pt.properties.periods ?? [], date);
  const state = stateOf(period);
  const distances = ainDistances(input.basemap, pt.geometry.coordinates as [number, number]);
  return {
    name: pt.properties.name[lang] || pt.properties.name.en,
    status: state?.status ?? 'none',
    statusText: statusSentence(lang, state, input.data.timeline.range.start),
    distances,
    deadlines: deadlinesFor(input.data, AIN_SITE, lang),
    distanceText: distances
      ? t(lang, 'ain.distances', {
          border: formatNumber(lang, distances.border),
          erbil: formatNumber(lang, distances.erbil),
        })
      : '',
  };
}

/** The map's one-paragraph summary: phase and counts by status. */
function summaryOf(scene: Pick<Scene, 'counts' | 'phase' | 'date' | 'lang' | 'fresh'>): string {
  const { lang, counts, fresh } = scene;
  const n = (k: Status) => formatNumber(lang, counts[k]);
  const key = fresh.afterReporting ? 'map.descriptionAfter' : 'map.description';
  const summary = t(lang, key, {
    ends: formatDate(lang, fresh.reportingEnds),
    date: formatDate(lang, scene.date),
    present: n('present'),
    drawdown: n('drawdown'),
    withdrawn: n('withdrawn'),
    unknown: n('unknown'),
  });
  return scene.phase ? `${scene.phase.label[lang]}. ${summary}` : summary;
}

/** The scene at a date, in a language and a theme. */
export function sceneAt(input: SceneInput, date: string, lang: Lang, theme: ThemeName): Scene {
  const { data } = input;
  const sites = data.presence.features.map((f, i) => siteAt(input, f, i, date, lang));
  const zero = () => Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  const counts = zero();
  const drawnCounts = zero();
  for (const s of sites) {
    if (s.state) counts[s.state.status] += 1;
    if (s.state && s.drawn) drawnCounts[s.state.status] += 1;
  }
  const fresh = freshnessAt(data, date, lang);
  const countText = Object.fromEntries(
    STATUSES.map((s) => [
      s,
      fresh.afterReporting && (s === 'present' || s === 'drawdown')
        ? t(lang, 'legend.notKnown')
        : formatNumber(lang, counts[s]),
    ]),
  ) as Record<Status, string>;
  const drawOrder = sites
    .filter((s) => s.drawn)
    .sort((a, b) => b.rank - a.rank)
    .map((s) => s.id);
  const points: ScenePoint[] = data.zone.features
    .filter((f) => f.properties.role !== 'zone' && f.geometry.type === 'Point')
    .map((f) => ({
      id: f.id,
      name: f.properties.name[lang] || f.properties.name.en,
      position: [...(f.geometry.coordinates as [number, number])] as [number, number],
    }));
  const base = {
    date,
    lang,
    theme,
    palette: paletteFor(theme),
    phase: phaseAt(data.timeline, date),
    sites,
    drawOrder,
    counts,
    drawnCounts,
    countText,
    gapCount: sites.filter((s) => s.reportGap).length,
    fresh,
    unmapped: sites.filter((s) => s.state && !s.position),
    zone: zoneAtDate(data, date, lang),
    points,
    ain: ainAtDate(input, date, lang),
    title: t(lang, 'map.label', { date: formatDate(lang, date) }),
    legendTitle: t(lang, 'legend.title', { date: formatDate(lang, date) }),
  };
  const summary = summaryOf(base);
  // The alt text is read only by the SVG map, the print view and the image export, never by a slider
  // step on the WebGL map: worded the first time it is read (~1 ms of the step at 4x CPU, issue 12).
  let alt: string | undefined;
  return {
    ...base,
    summary,
    get alt() {
      alt ??= altText(base);
      return alt;
    },
  };
}

/**
 * A scene source for one data set: the last few scenes are kept, so a renderer, the legend and the
 * list asking for the same (date, language, theme) share one computation.
 */
export function sceneCache(input: SceneInput, size = 4): (date: string, lang: Lang, theme: ThemeName) => Scene {
  const kept = new Map<string, Scene>();
  return (date, lang, theme) => {
    const key = `${date}|${lang}|${theme}`;
    let scene = kept.get(key);
    if (scene) {
      kept.delete(key);
    } else {
      scene = sceneAt(input, date, lang, theme);
      if (kept.size >= size) kept.delete(kept.keys().next().value as string);
    }
    kept.set(key, scene);
    return scene;
  };
}

/** The scene for an app state: main.ts makes it, resolving the theme setting ('auto') to the reader's. */
export type SceneOf = (state: AppState) => Scene;
