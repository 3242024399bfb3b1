/**
 * The news around the statuses, in words: how current the facts are ("Facts as of …", "no reports
 * found after …") and what was announced against what happened ("announced: by 30 September 2025 ·
 * left 17 January 2026, 109 days later"). Pure; the scene carries the results to every renderer and panel.
 */
import type { Lang } from '../data/schema.ts';
import type { AppData } from '../data/types.ts';
import { asOf, isAfterReporting, reportingEndsFor } from '../data/freshness.ts';
import { formatDate, formatNumber, t } from '../i18n/index.ts';
import { type AnnouncementOutcome, outcomesFor } from '../state/announcements.ts';

/** How current the facts are, at the scene's date. */
export interface SceneFreshness {
  /** The day the facts were last checked, and "Facts as of 2 December 2026". */
  asOf: string;
  asOfText: string;
  /** The last day with reporting on any site, and "No reports on the sites found after 20 March 2026". */
  reportingEnds: string;
  reportingEndsText: string;
  /** The date lies after the last report on any site: counts of present and drawing-down sites are not known. */
  afterReporting: boolean;
}

/** One announced deadline for a site, beside what happened. */
export interface SceneDeadline {
  id: string;
  /** The deadline's last day, and when it was announced. */
  deadline: string;
  announced: string;
  /** The announcement in the reader's language, and its sources. */
  text: string;
  sources: string[];
  state: AnnouncementOutcome['state'];
  /** Days late (positive) or early (negative), or null where not known to the day. */
  days: number | null;
  /** The day it left, when it did. */
  actual: string | null;
  /** "Announced: by 30 September 2025 · left 17 January 2026, 109 days later". */
  line: string;
}

/** The freshness of the facts in words. */
export function freshnessAt(data: AppData, date: string, lang: Lang): SceneFreshness {
  const checked = asOf(data);
  const ends = reportingEndsFor(data);
  return {
    asOf: checked,
    asOfText: t(lang, 'fresh.asOf', { date: formatDate(lang, checked) }),
    reportingEnds: ends,
    reportingEndsText: t(lang, 'fresh.reportingEnds', { date: formatDate(lang, ends) }),
    afterReporting: isAfterReporting(data, date),
  };
}

/** "109 days later", "12 days earlier", "on the day". */
function offsetText(lang: Lang, days: number): string {
  if (days === 0) return t(lang, 'deadline.onTime');
  const n = formatNumber(lang, Math.abs(days));
  return t(lang, days > 0 ? 'deadline.later' : 'deadline.earlier', { days: n });
}

function outcomeText(lang: Lang, o: AnnouncementOutcome, lastReport: string): string {
  if (o.state === 'not-left') return t(lang, 'deadline.notLeft');
  if (o.state === 'unknown' || !o.actual) {
    return t(lang, 'deadline.unknown', { date: formatDate(lang, lastReport) });
  }
  const when = formatDate(lang, o.actual.date, o.actual.precision);
  if (o.actual.alreadyLeft) return t(lang, 'deadline.alreadyLeft', { date: when });
  if (o.days !== null) return t(lang, 'deadline.left', { date: when, offset: offsetText(lang, o.days) });
  const range = o.daysRange;
  if (range && range.min > 0) {
    const days = `${formatNumber(lang, range.min)}–${formatNumber(lang, range.max)}`;
    return t(lang, 'deadline.left', { date: when, offset: t(lang, 'deadline.later', { days }) });
  }
  return t(lang, 'deadline.leftAbout', { date: when });
}

// The deadlines do not depend on the date: worded once per data set, language and site, not per slider step.
const kept = new WeakMap<AppData, Map<string, SceneDeadline[]>>();

/** Every announced deadline for a site, with what happened under it, in words (the same array each time). */
export function deadlinesFor(data: AppData, siteId: string, lang: Lang): SceneDeadline[] {
  let byKey = kept.get(data);
  if (!byKey) {
    byKey = new Map();
    kept.set(data, byKey);
  }
  const key = `${lang}|${siteId}`;
  let out = byKey.get(key);
  if (!out) {
    out = wordDeadlines(data, siteId, lang);
    byKey.set(key, out);
  }
  return out;
}

function wordDeadlines(data: AppData, siteId: string, lang: Lang): SceneDeadline[] {
  const lastReport = reportingEndsFor(data, siteId);
  return outcomesFor(data, siteId, lastReport).map((o) => {
    const a = o.announcement;
    const by = formatDate(lang, o.deadline, a.byPrecision ?? 'day');
    return {
      id: a.id,
      deadline: o.deadline,
      announced: a.announced,
      text: a.text[lang] || a.text.en,
      sources: a.sources,
      state: o.state,
      days: o.days,
      actual: o.actual?.date ?? null,
      line: t(lang, 'deadline.line', { by, outcome: outcomeText(lang, o, lastReport) }),
    };
  });
}
