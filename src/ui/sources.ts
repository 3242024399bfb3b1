/** Renders cited sources by id: grade, outlet (and where it was read), date, title, and a safe link. */
import type { Lang, SourcesFile } from '../data/schema.ts';
import { formatDate, t } from '../i18n/index.ts';
import { externalLink, h } from './dom.ts';

export type SourceIndex = ReadonlyMap<string, SourcesFile['sources'][number]>;

/** A map from source id to source. */
export function indexSources(file: SourcesFile): SourceIndex {
  return new Map(file.sources.map((s) => [s.id, s]));
}

/** A source's date (YYYY, YYYY-MM or YYYY-MM-DD) as the reader writes it, or "undated". */
export function sourceDate(lang: Lang, date: string | null): string {
  if (!date) return t(lang, 'source.undated');
  if (/^\d{4}$/.test(date)) return formatDate(lang, `${date}-01-01`, 'year');
  if (/^\d{4}-\d{2}$/.test(date)) return formatDate(lang, `${date}-01`, 'month');
  return formatDate(lang, date);
}

/**
 * One source as an inline element: "[A] Reuters (via Der Standard · copy), 24 November 2017: title".
 * Outlet and title keep their own direction (mostly Latin script) inside an Arabic page.
 */
export function sourceItem(index: SourceIndex, id: string, lang: Lang): HTMLElement {
  const s = index.get(id);
  if (!s) return h('span', { class: 'src' }, `${t(lang, 'unknown')} (${id})`);
  const where = s.via ? [t(lang, 'source.via', { via: s.via }), s.copy ? t(lang, 'source.copy') : null] : [];
  const who = where.length ? `${s.outlet} (${where.filter(Boolean).join(' · ')})` : s.outlet;
  const text = `${who}, ${sourceDate(lang, s.date)}: ${s.title}`;
  const grade = t(lang, 'source.grade', { grade: s.grade });
  return h(
    'span',
    { class: 'src', 'data-copy': s.copy ? 'true' : null, 'data-undated': s.date ? null : 'true' },
    h(
      'span',
      { class: 'grade', title: grade },
      h('span', { 'aria-hidden': 'true' }, s.grade),
      h('span', { class: 'visually-hidden' }, `${grade}: `),
    ),
    h('bdi', {}, s.url ? externalLink(s.url, text) : text),
  );
}
