/** String tables and locale formatting. UI code gets every word from here, never from literals. */
import { FORMATS, LOCALE } from './formats.ts';
import type { Lang } from '../data/schema.ts';
import { toUtcDate } from '../data/dates.ts';
import { ar } from './ar.ts';
import { de } from './de.ts';
import { en, type StringKey, type StringTable } from './en.ts';
import { fr } from './fr.ts';

export type { StringKey } from './en.ts';

const TABLES: Record<Lang, StringTable> = { en, de, fr, ar };

/** The text for key in lang, with {name} placeholders filled in. */
export function t(lang: Lang, key: StringKey, params?: Record<string, string | number>): string {
  const template = TABLES[lang][key] ?? en[key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : m));
}

type DatedKey = 'site.since' | 'site.left' | 'site.status' | 'site.periodOpen';

/**
 * A dated phrase whose wording depends on how exact the date is: French says "depuis le 17 janvier"
 * but "depuis janvier", so month-precision dates use the `…Month` variant of the key.
 */
export function tDated(
  lang: Lang,
  key: DatedKey,
  precision: 'day' | 'month' | 'year' | undefined,
  params: Record<string, string | number>,
): string {
  return t(lang, precision && precision !== 'day' ? (`${key}Month` as StringKey) : key, params);
}

/** Text direction of a language. */
export function dirOf(lang: Lang): 'rtl' | 'ltr' {
  return lang === 'ar' ? 'rtl' : 'ltr';
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();
// Each date as written, per language and style (cleared above 4,000 entries).
const formatted = new Map<string, string>();

/** A date written as a reader of lang expects it; month precision drops the day; short abbreviates. */
export function formatDate(
  lang: Lang,
  iso: string,
  precision: 'day' | 'month' | 'year' = 'day',
  short = false,
): string {
  const style = short ? (precision === 'day' ? 'short' : precision === 'month' ? 'shortMonth' : 'year') : precision;
  const key = `${lang}:${style}`;
  const done = formatted.get(`${key}:${iso}`);
  if (done !== undefined) return done;
  let fmt = dateFormats.get(key);
  if (!fmt) {
    const opts = FORMATS[style];
    fmt = new Intl.DateTimeFormat(LOCALE[lang], opts);
    dateFormats.set(key, fmt);
  }
  const text = fmt.format(toUtcDate(iso));
  // A scene writes the same few hundred dates (periods, sources, deadlines) at every slider step.
  if (formatted.size > 4000) formatted.clear();
  formatted.set(`${key}:${iso}`, text);
  return text;
}

// Building an Intl formatter costs far more than using one, and the legend formats on every slider step.
const numberFormats = new Map<Lang, Intl.NumberFormat>();

/** A number written as a reader of lang expects it. */
export function formatNumber(lang: Lang, n: number): string {
  let fmt = numberFormats.get(lang);
  if (!fmt) {
    fmt = new Intl.NumberFormat(LOCALE[lang]);
    numberFormats.set(lang, fmt);
  }
  return fmt.format(n);
}
