/**
 * URL <-> AppState. The same parameters work for the page and the embed (docs/ARCHITECTURE.md):
 * date, phase, site, lang, theme, embed, static. Anything invalid falls back to the default and is
 * reported as a notice, never thrown.
 */
import { LANGS, type Lang } from '../data/schema.ts';
import { clampDate, isIsoDate } from '../data/dates.ts';
import type { AppState, ThemeSetting } from './store.ts';
import { flag, MAX_QUERY_LENGTH } from './url-flags.ts';

// Part of this module's API; they live in url-flags.ts so that the entry script can read them alone.
export { MAX_QUERY_LENGTH, peekFlags } from './url-flags.ts';

export interface UrlContext {
  range: { start: string; end: string };
  defaultDate: string;
  phases: readonly { id: string; start: string; end?: string | undefined }[];
  siteIds: ReadonlySet<string>;
  /** Languages the reader's browser prefers, best first (navigator.languages). */
  preferredLangs?: readonly string[];
}

export interface Notice {
  /** The parameter name, or `query` when the whole query string was refused. */
  param: string;
  value: string;
  reason: 'invalid' | 'clamped' | 'unknown-id' | 'conflict';
}

const THEMES: readonly ThemeSetting[] = ['auto', 'light', 'dark'];
// Longer values than these are junk; they are cut in notices so a hostile URL cannot flood the page.
const MAX_VALUE_LENGTH = 64;
// Control characters and bidi overrides would let a crafted link reorder or hide the notice's own words.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

/** A value as shown in a notice: at most 64 characters (whole code points), control and bidi characters replaced. */
export function short(v: string): string {
  const chars = Array.from(v.slice(0, (MAX_VALUE_LENGTH + 1) * 2));
  const cut = chars.length > MAX_VALUE_LENGTH ? `${chars.slice(0, MAX_VALUE_LENGTH).join('')}…` : chars.join('');
  return cut.replace(UNSAFE_CHARS, '\ufffd');
}

function langFromBrowser(preferred: readonly string[] | undefined): Lang {
  for (const tag of preferred ?? []) {
    const base = tag.toLowerCase().split('-')[0] as Lang;
    if ((LANGS as readonly string[]).includes(base)) return base;
  }
  return 'en';
}

/**
 * The language a query string asks for, else the browser's, else English: for the few words shown
 * before the data (and so the full parse) is available, such as the slow-loading note.
 */
export function peekLang(search: string, preferred?: readonly string[]): Lang {
  const raw = search.length > MAX_QUERY_LENGTH ? null : new URLSearchParams(search).get('lang');
  return raw !== null && (LANGS as readonly string[]).includes(raw) ? (raw as Lang) : langFromBrowser(preferred);
}

/** Parses a query string into a full AppState plus notices for every value that was not used. */
export function parseUrl(search: string, ctx: UrlContext): { state: AppState; notices: Notice[] } {
  const notices: Notice[] = [];
  const tooLong = search.length > MAX_QUERY_LENGTH;
  if (tooLong) notices.push({ param: 'query', value: short(search.replace(/^\?/, '')), reason: 'invalid' });
  const params = new URLSearchParams(tooLong ? '' : search);
  const one = (name: string): string | null => params.get(name);

  let date = ctx.defaultDate;
  const rawDate = one('date');
  const rawPhase = one('phase');
  const dateOk = rawDate !== null && isIsoDate(rawDate);
  if (rawDate !== null) {
    if (dateOk) {
      date = clampDate(rawDate, ctx.range.start, ctx.range.end);
      if (date !== rawDate) notices.push({ param: 'date', value: short(rawDate), reason: 'clamped' });
    } else {
      notices.push({ param: 'date', value: short(rawDate), reason: 'invalid' });
    }
  }
  // A valid date wins over a phase; an invalid one does not stop a valid phase from being used.
  if (dateOk && rawPhase !== null) {
    notices.push({ param: 'phase', value: short(rawPhase), reason: 'conflict' });
  } else if (rawPhase !== null) {
    const phase = ctx.phases.find((p) => p.id === rawPhase);
    if (phase) date = clampDate(phase.start, ctx.range.start, ctx.range.end);
    else notices.push({ param: 'phase', value: short(rawPhase), reason: 'unknown-id' });
  }

  let site: string | null = null;
  const rawSite = one('site');
  if (rawSite !== null) {
    if (ctx.siteIds.has(rawSite)) site = rawSite;
    else notices.push({ param: 'site', value: short(rawSite), reason: 'unknown-id' });
  }

  let lang = langFromBrowser(ctx.preferredLangs);
  const rawLang = one('lang');
  if (rawLang !== null) {
    if ((LANGS as readonly string[]).includes(rawLang)) lang = rawLang as Lang;
    else notices.push({ param: 'lang', value: short(rawLang), reason: 'invalid' });
  }

  let theme: ThemeSetting = 'auto';
  const rawTheme = one('theme');
  if (rawTheme !== null) {
    if ((THEMES as readonly string[]).includes(rawTheme)) theme = rawTheme as ThemeSetting;
    else notices.push({ param: 'theme', value: short(rawTheme), reason: 'invalid' });
  }

  const embedFlag = flag(one('embed'));
  if (one('embed') !== null && embedFlag === null) {
    notices.push({ param: 'embed', value: short(one('embed') ?? ''), reason: 'invalid' });
  }
  const staticFlag = flag(one('static'));
  if (one('static') !== null && staticFlag === null) {
    notices.push({ param: 'static', value: short(one('static') ?? ''), reason: 'invalid' });
  }

  return {
    state: { date, site, lang, theme, embed: embedFlag ?? false, forceStatic: staticFlag ?? false },
    notices,
  };
}

/**
 * The query string for a state, in a stable order. The date is always written, so a shared link
 * keeps its view even after editors change the default date.
 */
export function serializeUrl(state: AppState): string {
  const params = new URLSearchParams();
  params.set('date', state.date);
  if (state.site) params.set('site', state.site);
  if (state.lang !== 'en') params.set('lang', state.lang);
  if (state.theme !== 'auto') params.set('theme', state.theme);
  if (state.embed) params.set('embed', '1');
  if (state.forceStatic) params.set('static', '1');
  const s = params.toString();
  return s ? `?${s}` : '';
}
