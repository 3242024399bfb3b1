/**
 * Pure questions about the facts at a date. Dates are 'YYYY-MM-DD' strings, which sort as text,
 * so comparisons need no Date objects. Period starts and ends are inclusive.
 */
import type {
  Basis,
  Control,
  Period,
  PresenceFile,
  SiteFeature,
  Status,
  TimelineFile,
  ZoneFile,
  ZonePeriod,
} from '../data/schema.ts';
import { STATUSES } from '../data/schema.ts';
import { toDay } from '../data/dates.ts';
import { periodAt } from '../data/periods.ts';

export type Phase = TimelineFile['phases'][number];
export type TimelineEvent = TimelineFile['events'][number];
export type TroopFigure = TimelineFile['troops'][number];
export type ZoneFeature = ZoneFile['features'][number];

/** A site's state on a date: `since` is the start of the period in force (its precision is `period.startPrecision`). */
export interface SiteStatus {
  status: Status;
  basis: Basis;
  since: string;
  period: Period;
}

/** A zone's (or camp's) control on a date, shaped like SiteStatus. */
export interface ZoneState {
  control: Control;
  basis: Basis;
  since: string;
  period: ZonePeriod;
}

/** The status of a site on a date, or null before its first period (or in a gap). */
export function statusAt(site: SiteFeature, date: string): SiteStatus | null {
  const period = periodAt(site.properties.periods, date);
  return period && { status: period.status, basis: period.basis, since: period.start, period };
}

/** The phase that contains the date, or null outside every phase. */
export function phaseAt(timeline: TimelineFile, date: string): Phase | null {
  return periodAt(timeline.phases, date);
}

/** Every site that has a period on the date, with its status, in file order. */
export function sitesAt(presence: PresenceFile, date: string): { site: SiteFeature; status: SiteStatus }[] {
  const out: { site: SiteFeature; status: SiteStatus }[] = [];
  for (const site of presence.features) {
    const status = statusAt(site, date);
    if (status) out.push({ site, status });
  }
  return out;
}

/** Who controls a zone or camp feature on the date, or null outside its periods. */
export function zoneAt(zoneFeature: ZoneFeature, date: string): ZoneState | null {
  const period = periodAt(zoneFeature.properties.periods, date);
  return period && { control: period.control, basis: period.basis, since: period.start, period };
}

/** Events no more than `days` days before or after the date, in date order. */
export function eventsNear(timeline: TimelineFile, date: string, days: number): TimelineEvent[] {
  const day = toDay(date);
  return timeline.events
    .filter((e) => Math.abs(toDay(e.date) - day) <= days)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** The latest troop figure for a country dated on or before the date (a null value means "unknown"), or null. */
export function troopsAt(timeline: TimelineFile, date: string, country: TroopFigure['country']): TroopFigure | null {
  let best: TroopFigure | null = null;
  for (const t of timeline.troops) {
    if (t.country !== country || t.date > date) continue;
    if (best === null || t.date >= best.date) best = t;
  }
  return best;
}

/** How many sites have each status on the date; sites with no period then are not counted. */
export function countsByStatus(presence: PresenceFile, date: string): Record<Status, number> {
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  for (const { status } of sitesAt(presence, date)) counts[status.status] += 1;
  return counts;
}
