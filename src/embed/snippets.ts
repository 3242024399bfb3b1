/**
 * The two embed codes the dialog offers, as text: a plain iframe (fixed height) and the responsive
 * loader (`embed.js` plus a placeholder). Pure: the page address comes in, absolute URLs go out.
 */
import type { Lang } from '../data/schema.ts';
import type { ThemeSetting } from '../state/store.ts';

/** The height of the iframe-only snippet: map and slider fit at any width (see the embed CSS). */
export const FALLBACK_HEIGHT = 640;

export interface SnippetOptions {
  date: string;
  lang: Lang;
  theme: ThemeSetting;
}

/** The page address without query or fragment (so site, embed and host parameters are dropped). */
export function pageBase(href: string): string {
  const u = new URL(href);
  return `${u.origin}${u.pathname}`;
}

/** The embed URL for the options: date and lang always (the article's language, not the reader's). */
export function embedUrl(href: string, o: SnippetOptions): string {
  const params = new URLSearchParams({ date: o.date, lang: o.lang });
  if (o.theme !== 'auto') params.set('theme', o.theme);
  params.set('embed', '1');
  return `${pageBase(href)}?${params}`;
}

/** The loader's address: embed.js next to the page. */
export function loaderUrl(href: string): string {
  return new URL('embed.js', pageBase(href)).href;
}

/** Escapes text for a double-quoted HTML attribute. */
export function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The iframe-only snippet: works without any script, at a fixed height. */
export function iframeSnippet(href: string, o: SnippetOptions, title: string): string {
  const attrs = [
    `src="${escapeAttr(embedUrl(href, o))}"`,
    `title="${escapeAttr(title)}"`,
    `width="100%"`,
    `height="${FALLBACK_HEIGHT}"`,
    `style="border:0;display:block;width:100%"`,
    `loading="lazy"`,
    `allow="fullscreen; clipboard-write"`,
    `referrerpolicy="strict-origin-when-cross-origin"`,
  ];
  return `<iframe ${attrs.join(' ')}></iframe>`;
}

/** The responsive snippet: a placeholder the loader replaces with an iframe it keeps sized. */
export function loaderSnippet(href: string, o: SnippetOptions): string {
  const data = [`data-coalition-map`, `data-date="${escapeAttr(o.date)}"`, `data-lang="${escapeAttr(o.lang)}"`];
  if (o.theme !== 'auto') data.push(`data-theme="${escapeAttr(o.theme)}"`);
  // The frame's first height, held before the script has run, so the article below does not jump.
  data.push(`style="min-height:${FALLBACK_HEIGHT}px"`);
  return `<div ${data.join(' ')}></div>\n<script async src="${escapeAttr(loaderUrl(href))}"></script>`;
}
