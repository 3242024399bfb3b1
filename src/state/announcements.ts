/**
 * Announced against actual: for a site, the deadlines announced for it (timeline.json `announcements`),
 * the day it was then reported to have left, and by how many days that missed or beat the deadline.
 * Pure; dates are 'YYYY-MM-DD' strings and both ends of a period are inclusive.
 */
import type { Announcement, Basis, Period, SiteFeature, TimelineFile } from '../data/schema.ts';
import { addDays, toDay } from '../data/dates.ts';
import { periodAt } from '../data/periods.ts';

type Precision = 'day' | 'month' | 'year';

/** What happened to one site under one announcement. */
export interface AnnouncementOutcome {
  announcement: Announcement;
  /** The last day the deadline allows: `by` itself, or the end of its month or year for a coarser `byPrecision`. */
  deadline: string;
  /**
   * The start of the withdrawn period in force on the day of the announcement (the site had already
   * left) or else of the first withdrawn period after it; null when no withdrawal is in the facts.
   */
  actual: { date: string; precision: Precision; basis: Basis; period: Period; alreadyLeft: boolean } | null;
  /** actual − deadline in days: positive = later than announced, 0 = on the deadline, negative = earlier. Null when actual is null or not known to the day. */
  days: number | null;
  /** The smallest and largest difference the dates allow (for a month-precise withdrawal), or null without actual. */
  daysRange: { min: number; max: number } | null;
  /**
   * `left`: a withdrawal is in the facts. `not-left`: the site was still reported there after the deadline
   * (late, by how much unknown). `unknown`: reporting on the site ended before the deadline, or nothing says.
   */
  state: 'left' | 'not-left' | 'unknown';
}

/** The last day of the month or year a date with that precision stands for. */
export function lastDayOf(date: string, precision: Precision = 'day'): string {
  if (precision === 'day') return date;
  const [y, m] = date.split('-').map(Number) as [number, number];
  if (precision === 'year') return `${y}-12-31`;
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return addDays(next, -1);
}

/** The announcements that name the site, in file order. */
export function announcementsFor(timeline: TimelineFile, siteId: string): Announcement[] {
  return timeline.announcements.filter((a) => a.sites.includes(siteId));
}

/**
 * What happened to the site under the announcement. `reportingEnds` (the last day with reports on the
 * site, from src/data/freshness.ts) lets a missed deadline be told apart from an unknown outcome.
 */
export function outcomeFor(site: SiteFeature, announcement: Announcement, reportingEnds?: string): AnnouncementOutcome {
  const deadline = lastDayOf(announcement.by, announcement.byPrecision);
  const periods = site.properties.periods;
  const inForce = periodAt(periods, announcement.announced);
  const left =
    inForce?.status === 'withdrawn'
      ? inForce
      : periods.find((p) => p.status === 'withdrawn' && p.start > announcement.announced);
  if (left === undefined || left === null) {
    const after = periodAt(periods, addDays(deadline, 1));
    const stillThere =
      after !== null &&
      (after.status === 'present' || after.status === 'drawdown') &&
      (reportingEnds === undefined || reportingEnds > deadline);
    return {
      announcement,
      deadline,
      actual: null,
      days: null,
      daysRange: null,
      state: stillThere ? 'not-left' : 'unknown',
    };
  }
  const precision = left.startPrecision ?? 'day';
  const first = toDay(left.start) - toDay(deadline);
  const last = toDay(lastDayOf(left.start, precision)) - toDay(deadline);
  return {
    announcement,
    deadline,
    actual: {
      date: left.start,
      precision,
      basis: left.basis,
      period: left,
      alreadyLeft: left.start <= announcement.announced,
    },
    days: precision === 'day' ? first : null,
    daysRange: { min: first, max: last },
    state: 'left',
  };
}

/** Every announcement for the site with what happened under it (an empty list when none names it). */
export function outcomesFor(
  data: { timeline: TimelineFile; presence: { features: readonly SiteFeature[] } },
  siteId: string,
  reportingEnds?: string,
): AnnouncementOutcome[] {
  const site = data.presence.features.find((f) => f.id === siteId);
  if (!site) return [];
  return announcementsFor(data.timeline, siteId).map((a) => outcomeFor(site, a, reportingEnds));
}
