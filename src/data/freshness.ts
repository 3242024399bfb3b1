/**
 * How current the facts are: the day they were last checked (`asOf`) and the last day with reporting
 * (`reportingEnds`, per site where the site says so). Pure: the UI asks, the data check enforces.
 */
import { periodAt } from './periods.ts';
import type { PresenceFile, TimelineFile } from './schema.ts';

type Facts = { presence: PresenceFile; timeline: TimelineFile };

/** The day the facts were last checked (YYYY-MM-DD). */
export function asOf(data: Pick<Facts, 'timeline'>): string {
  return data.timeline.asOf;
}

/**
 * The last day a dated report describes the site (its own `reportingEnds`), or, without a site or when
 * the site has none, the last day with site-level reporting at all (`timeline.reportingEnds`).
 */
export function reportingEndsFor(data: Facts, siteId?: string): string {
  if (siteId !== undefined) {
    const own = data.presence.features.find((f) => f.id === siteId)?.properties.reportingEnds;
    if (own !== undefined) return own;
  }
  return data.timeline.reportingEnds;
}

/** True when the date lies after the last report (on the site, or on any site): "no reports found after …". */
export function isAfterReporting(data: Facts, date: string, siteId?: string): boolean {
  return date > reportingEndsFor(data, siteId);
}

/** How many sites have status unknown, or no period at all, on the date, out of how many. */
export function unknownAt(presence: PresenceFile, date: string): { unknown: number; total: number } {
  let unknown = 0;
  for (const f of presence.features) {
    const p = periodAt(f.properties.periods, date);
    if (p === null || p.status === 'unknown') unknown += 1;
  }
  return { unknown, total: presence.features.length };
}
