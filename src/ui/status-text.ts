/** One place that turns a site's status at a date into words, for the list, the table and the live region. */
import type { Lang, SiteFeature } from '../data/schema.ts';
import { formatDate, t, tDated } from '../i18n/index.ts';
import { statusAt } from '../state/selectors.ts';

/**
 * "Left / handed over (confirmed), since 12 February 2026" or "No data for this date". A period that
 * began before the map's range (rangeStart) started at a date the data does not claim to know, so it
 * reads "since before September 2024" instead of a made-up day.
 */
export function statusSentence(lang: Lang, site: SiteFeature, date: string, rangeStart: string, short = false): string {
  const st = statusAt(site, date);
  if (!st) return t(lang, 'status.none');
  if (st.since < rangeStart) {
    return t(lang, 'site.statusBefore', {
      status: t(lang, `status.${st.status}`),
      basis: t(lang, `basis.${st.basis}`),
      date: formatDate(lang, rangeStart, 'month', short),
    });
  }
  const since = formatDate(lang, st.since, st.period.startPrecision ?? 'day', short);
  return tDated(lang, 'site.status', st.period.startPrecision, {
    status: t(lang, `status.${st.status}`),
    basis: t(lang, `basis.${st.basis}`),
    date: since,
  });
}
