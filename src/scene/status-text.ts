/**
 * The one place that turns a site's (or the zone's) state at a date into words: the sentence of the
 * details, the list and the table, the dated second line of a map label, and a period's line in a
 * site's history. Every other module reads these words from the scene.
 */
import type { Lang, Period } from '../data/schema.ts';
import { formatDate, t, tDated } from '../i18n/index.ts';

type Precision = 'day' | 'month' | 'year';

/** A site's state at a date, as the scene records it. */
export interface StatusAt {
  status: Period['status'];
  basis: Period['basis'];
  /** Start of the period in force, and how exact it is. */
  since: string;
  sincePrecision: Precision;
  period: Period;
}

/**
 * "since 3 May 2025" / "left May 2025": languages word a day and a month differently ("depuis le 3 mai"
 * but "depuis mai"), so a date known only to the month takes the *Month string.
 */
export function datedText(
  lang: Lang,
  kind: 'since' | 'left',
  iso: string,
  precision: Precision,
  short = false,
): string {
  const date = formatDate(lang, iso, precision, short);
  if (precision === 'day') return t(lang, kind === 'left' ? 'site.left' : 'site.since', { date });
  return t(lang, kind === 'left' ? 'site.leftMonth' : 'site.sinceMonth', { date });
}

/**
 * "Left / handed over (confirmed), since 12 February 2026" or "No data for this date". A period that
 * began before the map's range (rangeStart) started at a date the data does not claim to know, so it
 * reads "since before September 2024" instead of a made-up day.
 */
export function statusSentence(lang: Lang, st: StatusAt | null, rangeStart: string, short = false): string {
  if (!st) return t(lang, 'status.none');
  const words = { status: t(lang, `status.${st.status}`), basis: t(lang, `basis.${st.basis}`) };
  if (st.since < rangeStart) {
    return t(lang, 'site.statusBefore', { ...words, date: formatDate(lang, rangeStart, 'month', short) });
  }
  const date = formatDate(lang, st.since, st.sincePrecision, short);
  return tDated(lang, 'site.status', st.sincePrecision, { ...words, date });
}

/**
 * A site whose reports stopped: "Not known: no reports found after 9 March 2026. Last reported: coalition
 * forces present (confirmed)." The last report's state is named so the reader sees what went quiet.
 */
export function gapSentence(lang: Lang, lastReport: string, last: StatusAt | null, rangeStart: string): string {
  const head = t(lang, 'site.gap', { date: formatDate(lang, lastReport) });
  if (!last || last.status === 'unknown') return head;
  return `${head} ${t(lang, 'site.lastReported', { state: statusSentence(lang, last, rangeStart) })}`;
}

/** The second map-label line of such a site: "no reports after 9 Mar 2026". */
export function gapSub(lang: Lang, lastReport: string): string {
  return t(lang, 'site.gapShort', { date: formatDate(lang, lastReport, 'day', true) });
}

/**
 * A status in a few words for lists: "Left / handed over · 18 Jan 2026", "Unknown · no reports after
 * 12 Mar 2026", "Coalition forces present" (a presence from before the range carries no date).
 */
export function shortStatus(lang: Lang, st: StatusAt | null, rangeStart: string, gapAfter: string | null): string {
  if (!st) return t(lang, 'status.none');
  const word = t(lang, `status.${st.status}`);
  if (gapAfter) return `${word} · ${gapSub(lang, gapAfter)}`;
  if (st.since < rangeStart) return word;
  return `${word} · ${formatDate(lang, st.since, st.sincePrecision, true)}`;
}

/** The "since" cell of the table: the date, or "before September 2024" for periods older than the range. */
export function sinceText(lang: Lang, st: StatusAt, rangeStart: string): string {
  if (st.since < rangeStart) return t(lang, 'site.beforeRange', { date: formatDate(lang, rangeStart, 'month') });
  return formatDate(lang, st.since, st.sincePrecision);
}

/** The second line of a site's map label: none while present, "left 17 Jan 2026", or the status word. */
export function labelSub(lang: Lang, st: StatusAt | null): string | null {
  if (!st || st.status === 'present') return null;
  if (st.status === 'withdrawn') return datedText(lang, 'left', st.since, st.sincePrecision, true);
  return t(lang, `status.${st.status}`);
}

/** The detail in the written twin: "left May 2025", "since 3 May 2025", the basis of a present site, or null. */
export function altDetail(lang: Lang, st: StatusAt): string | null {
  if (st.status === 'withdrawn') return datedText(lang, 'left', st.since, st.sincePrecision);
  if (st.status !== 'present') return datedText(lang, 'since', st.since, st.sincePrecision);
  // A presence that is only announced or reported says so: the map's fill alone would not reach a screen reader.
  if (st.basis !== 'confirmed') return t(lang, `basis.${st.basis}`);
  return null;
}

/** One period of a site's history: its span ("3 May 2025 – 17 January 2026", "from March 2026") and its state. */
export function periodLine(lang: Lang, per: Period): { span: string; state: string } {
  const start = formatDate(lang, per.start, per.startPrecision ?? 'day');
  const span = per.end
    ? t(lang, 'site.period', { start, end: formatDate(lang, per.end, per.endPrecision ?? 'day') })
    : tDated(lang, 'site.periodOpen', per.startPrecision, { start });
  return { span, state: `${t(lang, `status.${per.status}`)} (${t(lang, `basis.${per.basis}`)})` };
}

/** The map label drops a bracketed second name ("Erbil Air Base (Erbil International Airport)"). */
export function shortName(name: string): string {
  const cut = name.replace(/\s*[(（][^)）]*[)）]\s*$/, '');
  return cut || name;
}

/**
 * The name a phone's map writes: the map label without the generic kind of place ("Erbil Air Base" →
 * "Erbil", « Base aérienne de Harir » → « Harir », «قاعدة التنف» → «التنف»). The symbol's size already
 * says air base, and the details and the list keep the full name.
 */
const GENERIC: Record<Lang, RegExp[]> = {
  en: [/\s+(air base|base|garrison)$/i],
  de: [/^(luftwaffenstützpunkt|stützpunkt)\s+/i],
  fr: [/^(base aérienne|base|garnison)\s+(d['’]|de\s+|du\s+)?/i],
  ar: [/^(قاعدة|حامية)\s+/, /\s+الجوية$/],
};
export function compactName(lang: Lang, label: string): string {
  const cut = GENERIC[lang].reduce((s, re) => s.replace(re, ''), label).trim();
  return cut || label;
}
