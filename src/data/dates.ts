/** Calendar-day arithmetic on 'YYYY-MM-DD' strings, in UTC so that no time zone shifts a date. */

const DAY_MS = 86_400_000;

/** True when s is a real calendar day written as YYYY-MM-DD. */
export function isIsoDate(s: unknown): s is string {
  if (typeof s !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

// The slider, the event list and the milestones ask for the same few hundred dates on every step:
// parsing each once keeps a drag cheap on a slow phone (issue 8). Bounded, in case of odd input.
const dayCache = new Map<string, number>();
const DAY_CACHE_MAX = 4096;

/** Days since 1970-01-01 for an ISO date. */
export function toDay(iso: string): number {
  let day = dayCache.get(iso);
  if (day === undefined) {
    day = Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
    if (dayCache.size >= DAY_CACHE_MAX) dayCache.clear();
    dayCache.set(iso, day);
  }
  return day;
}

/** ISO date for a day number. */
export function fromDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The date moved by n days. */
export function addDays(iso: string, n: number): string {
  return fromDay(toDay(iso) + n);
}

/** The date clamped into [min, max]. */
export function clampDate(iso: string, min: string, max: string): string {
  if (iso < min) return min;
  if (iso > max) return max;
  return iso;
}

/** A UTC Date for an ISO date (for Intl and d3 scales). */
export function toUtcDate(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}
