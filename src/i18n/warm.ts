/**
 * Builds the date and number formatters of the page's likely language once, while the app's code is
 * still downloading (boot.ts). The first formatter of each kind costs ICU its locale data and patterns,
 * ~70–100 ms on the bench's phone, and the first scene needs them before the map can answer the
 * slider; built here, the same formatters later cost a few milliseconds (issue 12). A wrong guess only
 * warms another language.
 */
import type { Lang } from '../data/schema.ts';
import { FORMATS, LOCALE } from './formats.ts';

const LANGS = Object.keys(LOCALE) as Lang[];

/** The page's language as the app will choose it: ?lang=, else the browser's first language, else English. */
export function guessLang(search: string, languages: readonly string[] = []): Lang {
  const asked = new URLSearchParams(search.length > 4096 ? '' : search).get('lang');
  if (asked && (LANGS as string[]).includes(asked)) return asked as Lang;
  const first = (languages[0] ?? '').toLowerCase().slice(0, 2);
  return (LANGS as string[]).includes(first) ? (first as Lang) : 'en';
}

/** Formats one date in every style the page uses and one number, in lang's locale; never throws. */
export function warmFormats(lang: Lang): void {
  try {
    const day = new Date(Date.UTC(2026, 0, 17));
    for (const opts of Object.values(FORMATS)) new Intl.DateTimeFormat(LOCALE[lang], opts).format(day);
    new Intl.NumberFormat(LOCALE[lang]).format(1234);
  } catch {
    // An engine without Intl: the page formats without it too.
  }
}
