/** Pure date moves for the slider: weekly steps, milestone jumps, and snapping while dragging. */
import type { TimelineFile } from '../data/schema.ts';
import { addDays, clampDate, toDay } from '../data/dates.ts';

/** The milestone dates of a timeline, sorted and de-duplicated. */
export function milestoneDates(timeline: TimelineFile): string[] {
  const dates = timeline.events.filter((e) => e.milestone).map((e) => e.date);
  return [...new Set(dates)].sort();
}

/** The date one step (7 days) forward (dir 1) or back (-1), kept in range. */
export function stepDate(date: string, dir: 1 | -1, range: { start: string; end: string }, days = 7): string {
  return clampDate(addDays(date, dir * days), range.start, range.end);
}

/** The next milestone after date (dir 1) or the previous one before it (-1); the range end if none. */
export function jumpMilestone(
  date: string,
  dir: 1 | -1,
  milestones: readonly string[],
  range: { start: string; end: string },
): string {
  if (dir === 1) return milestones.find((m) => m > date && m <= range.end) ?? range.end;
  const before = milestones.filter((m) => m < date && m >= range.start);
  return before.at(-1) ?? range.start;
}

/** The nearest milestone when within tolerance days of date, else date itself. */
export function snapDate(date: string, milestones: readonly string[], toleranceDays: number): string {
  let best = date;
  let bestGap = toleranceDays + 1;
  const d = toDay(date);
  for (const m of milestones) {
    const gap = Math.abs(toDay(m) - d);
    if (gap <= toleranceDays && gap < bestGap) {
      best = m;
      bestGap = gap;
    }
  }
  return best;
}

/**
 * How far a dragged date snaps to a milestone on a track of `width` px over `days` days: not at all while
 * a pixel is a day or less (every day must be reachable: 12–16 February 2026 lie between two
 * milestones), and one day less than a pixel spans on narrower tracks, where a finger cannot hit a day.
 */
export function snapDaysFor(days: number, width: number): number {
  if (width <= 0) return 0;
  return Math.max(0, Math.floor(days / width) - 1);
}
