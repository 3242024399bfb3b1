/**
 * The locales and date styles the page formats with (index.ts), in a module of their own so that the
 * entry script can warm them (warm.ts) without loading the string tables.
 */
import type { Lang } from '../data/schema.ts';

// Bare 'en' is US English in ICU ("January 17, 2026"); the desk writes British/international dates.
export const LOCALE: Record<Lang, string> = { en: 'en-GB', de: 'de', fr: 'fr', ar: 'ar' };

export const FORMATS: Record<string, Intl.DateTimeFormatOptions> = {
  day: { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' },
  month: { month: 'long', year: 'numeric', timeZone: 'UTC' },
  year: { year: 'numeric', timeZone: 'UTC' },
  short: { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' },
  shortMonth: { month: 'short', year: 'numeric', timeZone: 'UTC' },
};
