/**
 * The written twin of the static map: one paragraph, generated from the same facts, used as the SVG's
 * <desc>, as the alt text of the per-phase images and in the noscript fallback.
 */
import { type Lang, STATUSES, type Status } from '../data/schema.ts';
import type { AppData } from '../data/types.ts';
import { formatDate, t } from '../i18n/index.ts';
import { phaseAt, statusAt, zoneAt } from '../state/selectors.ts';

export interface AltTextOptions {
  data: AppData;
  date: string;
  lang: Lang;
}

const lists = new Map<Lang, Intl.ListFormat>();

/** "A, B and C" in the reader's language. */
function joinList(lang: Lang, items: string[]): string {
  let fmt = lists.get(lang);
  if (!fmt) {
    fmt = new Intl.ListFormat(lang, { style: 'long', type: 'conjunction' });
    lists.set(lang, fmt);
  }
  return fmt.format(items);
}

const SENTENCE = {
  present: 'alt.present',
  drawdown: 'alt.drawdown',
  withdrawn: 'alt.withdrawn',
  unknown: 'alt.unknown',
} as const satisfies Record<Status, string>;

/**
 * "since 3 May 2025" / "left May 2025": languages word a day and a month differently ("depuis le 3 mai"
 * but "depuis mai"), so a date known only to the month takes the *Month string.
 */
export function datedText(
  lang: Lang,
  kind: 'since' | 'left',
  iso: string,
  precision: 'day' | 'month' | 'year',
  short = false,
): string {
  const date = formatDate(lang, iso, precision, short);
  if (precision === 'day') return t(lang, kind === 'left' ? 'site.left' : 'site.since', { date });
  return t(lang, kind === 'left' ? 'site.leftMonth' : 'site.sinceMonth', { date });
}

/** Each site with data at the date, grouped by status, as "Name (detail)" in file order. */
export function sitesByStatus(data: AppData, date: string, lang: Lang): Record<Status, string[]> {
  const groups: Record<Status, string[]> = { present: [], drawdown: [], withdrawn: [], unknown: [] };
  for (const site of data.presence.features) {
    const st = statusAt(site, date);
    if (!st) continue;
    const name = site.properties.name[lang] || site.properties.name.en;
    const precision = st.period.startPrecision ?? 'day';
    let detail: string | null = null;
    if (st.status === 'withdrawn') detail = datedText(lang, 'left', st.since, precision);
    else if (st.status !== 'present') detail = datedText(lang, 'since', st.since, precision);
    // A presence that is only announced or reported says so: the map's fill alone would not reach a screen reader.
    else if (st.basis !== 'confirmed') detail = t(lang, `basis.${st.basis}`);
    groups[st.status].push(detail ? t(lang, 'alt.item', { name, detail }) : name);
  }
  return groups;
}

/** A written description of the map at a date: phase, sites by status (with dates), and the zone's control. */
export function altText({ data, date, lang }: AltTextOptions): string {
  const parts = [`${t(lang, 'map.label', { date: formatDate(lang, date) })}.`];
  const phase = phaseAt(data.timeline, date);
  // Phase labels name themselves ("Phase 2: …", "Before the transition"): a "Phase:" lead-in would repeat it.
  if (phase) parts.push(`${phase.label[lang] || phase.label.en}.`);
  const groups = sitesByStatus(data, date, lang);
  let any = false;
  for (const status of STATUSES) {
    const names = groups[status];
    if (names.length === 0) continue;
    any = true;
    parts.push(t(lang, SENTENCE[status], { sites: joinList(lang, names) }));
  }
  if (!any) parts.push(t(lang, 'alt.none'));
  const zone = data.zone.features.find((f) => f.properties.role === 'zone');
  const period = zone ? zoneAt(zone, date) : null;
  if (zone && period) {
    const name = zone.properties.name[lang] || zone.properties.name.en;
    parts.push(t(lang, 'alt.zone', { zone: name, control: t(lang, `control.${period.control}`) }));
  }
  return parts.join(' ');
}
