/** Renders cited sources by id: outlet, title, date, grade, and a safe link. */
import type { Lang, SourcesFile } from '../data/schema.ts';
import { t } from '../i18n/index.ts';
import { externalLink, h } from './dom.ts';

export type SourceIndex = ReadonlyMap<string, SourcesFile['sources'][number]>;

/** A map from source id to source. */
export function indexSources(file: SourcesFile): SourceIndex {
  return new Map(file.sources.map((s) => [s.id, s]));
}

/** One source as an inline element: "[A] Reuters (via …), 23 Feb 2026: title". */
export function sourceItem(index: SourceIndex, id: string, lang: Lang): HTMLElement {
  const s = index.get(id);
  if (!s) return h('span', { class: 'src' }, `${t(lang, 'unknown')} (${id})`);
  const who = s.via ? `${s.outlet} (via ${s.via})` : s.outlet;
  const text = `${who}, ${s.date ?? t(lang, 'source.undated')}: ${s.title}`;
  return h(
    'span',
    { class: 'src' },
    h('span', { class: 'grade', title: `Reliability grade ${s.grade}` }, s.grade),
    // Titles keep their own direction (mostly English) inside an Arabic page.
    h('bdi', {}, s.url ? externalLink(s.url, text) : text),
  );
}
