/**
 * "Download the data: CSV · GeoJSON (licence)": links to the files the build writes from the facts
 * (scripts/vite-plugin-downloads.ts). Pure: a language in, an element out; the caller places it and
 * builds it again when the language changes.
 */
import { DOWNLOAD_FILES } from '../data/download-files.ts';
import type { Lang } from '../data/schema.ts';
import { t } from '../i18n/index.ts';
import { h } from './dom.ts';

/** Names of file formats: the same words in every language, so not in the string tables. */
const FORMAT_NAMES = { csv: 'CSV', geojson: 'GeoJSON' } as const;
const MEDIA_TYPES = { csv: 'text/csv', geojson: 'application/geo+json' } as const;

/**
 * The element (`<span class="downloads" id="downloads">`) in lang. Links resolve against base,
 * document.baseURI by default, so they work from whatever folder the site is copied to and inside the
 * embed's frame (where they point at the map's own server, not the host page).
 */
export function downloadsElement(lang: Lang, base: string = document.baseURI): HTMLElement {
  const href = (path: string) => new URL(path, base).href;
  const file = (kind: keyof typeof FORMAT_NAMES) =>
    h(
      'a',
      {
        href: href(DOWNLOAD_FILES[kind]),
        // A download, not a navigation: inside an embed, a plain link would replace the map with the file.
        // The new tab is for a browser that will not download (the map stays either way); the rel is the page's rule for every new-tab link.
        download: true,
        target: '_blank',
        rel: 'noopener noreferrer',
        type: MEDIA_TYPES[kind],
        title: t(lang, kind === 'csv' ? 'downloads.csvTitle' : 'downloads.geojsonTitle'),
        // Isolated left-to-right words: in Arabic the two links then read in the sentence's order.
        dir: 'ltr',
      },
      FORMAT_NAMES[kind],
    );
  const links: Record<string, HTMLElement> = {
    csv: file('csv'),
    geojson: file('geojson'),
    licence: h(
      'a',
      {
        href: href(DOWNLOAD_FILES.readme),
        target: '_blank',
        rel: 'noopener noreferrer',
        type: 'text/plain',
        hreflang: 'en',
        title: t(lang, 'downloads.licenceTitle'),
      },
      t(lang, 'downloads.licence'),
    ),
  };
  const el = h('span', { class: 'downloads', id: 'downloads' });
  // The sentence and its punctuation come from the string table; each {placeholder} becomes its link.
  for (const part of t(lang, 'downloads.line').split(/(\{\w+\})/)) {
    const link = /^\{(\w+)\}$/.exec(part)?.[1];
    if (link && Object.hasOwn(links, link)) el.append(links[link]!);
    else if (part) el.append(part);
  }
  return el;
}
