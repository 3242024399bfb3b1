/**
 * Hostile URLs (issue 9): generated and hand-picked query strings never throw, always give a valid
 * AppState, and every value that was not used is named in a short, inert notice.
 */
import { describe, expect, it } from 'vitest';
import { LANGS } from '../../src/data/schema.ts';
import { isIsoDate } from '../../src/data/dates.ts';
import type { AppState } from '../../src/state/store.ts';
import { MAX_QUERY_LENGTH, parseUrl, peekLang, serializeUrl, short } from '../../src/state/url.ts';
import { seededRandom as rng } from '../support/random.ts';
import { urlContext } from '../support/url-context.ts';

const ctx = urlContext();

const NAMES = ['date', 'phase', 'site', 'lang', 'theme', 'embed', 'static', 'origin', 'childId', '__proto__', 'DATE'];
const HOSTILE = [
  '',
  ' ',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '<script>window.__xss=1</script>',
  '"><img src=x onerror=window.__xss=1>',
  'javascript:window.__xss=1',
  '\u202eevil\u202c',
  '\u0000\u0001\u001f',
  '%00',
  '%E0%A4%A',
  '%',
  '%%%',
  '2025-02-30',
  '2025-02-29',
  '2024-02-29',
  '0000-00-00',
  '9999-99-99',
  '9999-12-31',
  '1970-01-01',
  '+002025-01-01',
  '2025-1-1',
  '2025-01-01T00:00:00Z',
  ' 2025-01-01',
  '2025-01-01 ',
  '２０２５-０１-０１',
  '٢٠٢٥-٠١-٠١',
  '2025-06-01\n',
  'NaN',
  'Infinity',
  '-1',
  '1e309',
  'en-US',
  'EN',
  'ar ',
  'dark ',
  'DARK',
  'true',
  'yes',
  '1',
  '0',
  '\ud800',
  '😀'.repeat(40),
  'x'.repeat(5000),
];

function randomString(r: () => number): string {
  const len = Math.floor(r() ** 3 * 300);
  let s = '';
  for (let i = 0; i < len; i++) {
    const k = r();
    s += k < 0.6 ? String.fromCharCode(32 + Math.floor(r() * 95)) : String.fromCodePoint(Math.floor(r() * 0x10ffff));
  }
  return s;
}

/** encodeURIComponent, or the raw text where it cannot (a lone surrogate): browsers pass those through too. */
function enc(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return s;
  }
}

function randomQuery(r: () => number): string {
  const n = Math.floor(r() * 8);
  const parts: string[] = [];
  for (let i = 0; i < n; i++) {
    const name = NAMES[Math.floor(r() * NAMES.length)]!;
    const value = r() < 0.5 ? HOSTILE[Math.floor(r() * HOSTILE.length)]! : randomString(r);
    // Half encoded properly, half raw (browsers pass raw characters and stray % through).
    parts.push(r() < 0.5 ? `${enc(name)}=${enc(value)}` : `${name}=${value}`);
  }
  return (r() < 0.8 ? '?' : '') + parts.join(r() < 0.9 ? '&' : ';');
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/;

function expectValid(state: AppState, query: string): void {
  const msg = JSON.stringify(query.slice(0, 200));
  expect(isIsoDate(state.date), msg).toBe(true);
  expect(state.date >= ctx.range.start && state.date <= ctx.range.end, msg).toBe(true);
  expect(LANGS, msg).toContain(state.lang);
  expect(['auto', 'light', 'dark'], msg).toContain(state.theme);
  expect(state.site === null || ctx.siteIds.has(state.site), msg).toBe(true);
  expect(typeof state.embed, msg).toBe('boolean');
  expect(typeof state.forceStatic, msg).toBe('boolean');
  expect(Object.getPrototypeOf(state), msg).toBe(Object.prototype);
  expect(Object.keys(state).sort(), msg).toEqual(['date', 'embed', 'forceStatic', 'lang', 'site', 'theme']);
}

describe('parseUrl under fuzzing', () => {
  it('gives a valid state and inert notices for 5000 generated queries', () => {
    const r = rng(9);
    const protoKeys = Object.getOwnPropertyNames(Object.prototype).length;
    for (let i = 0; i < 5000; i++) {
      const q = randomQuery(r);
      const { state, notices } = parseUrl(q, ctx);
      expectValid(state, q);
      for (const n of notices) {
        expect(n.value.length, q.slice(0, 100)).toBeLessThanOrEqual(65 * 2);
        expect(Array.from(n.value).length, q.slice(0, 100)).toBeLessThanOrEqual(65);
        expect(UNSAFE.test(n.value), JSON.stringify(n.value)).toBe(false);
      }
      // The URL the app writes back is clean: it parses to the same state without a notice.
      const again = parseUrl(serializeUrl(state), ctx);
      expect(again.state, q.slice(0, 100)).toEqual(state);
      expect(again.notices).toEqual([]);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype).length).toBe(protoKeys);
  });

  it.each(HOSTILE.map((v) => [v.slice(0, 40), v]))(
    'hand-picked value %j: valid state, a notice per bad value',
    (_, v) => {
      const q = `?${['date', 'phase', 'site', 'lang', 'theme', 'embed', 'static'].map((n) => `${n}=${enc(v)}`).join('&')}`;
      const { state, notices } = parseUrl(q, ctx);
      expectValid(state, q);
      const used = new Set(['date', 'phase', 'site', 'lang', 'theme', 'embed', 'static']);
      for (const n of notices) used.delete(n.param);
      // A query too long to read is refused as a whole: one notice, nothing used.
      if (notices.some((n) => n.param === 'query')) used.clear();
      // What has no notice was used as given.
      if (used.has('lang')) expect(state.lang).toBe(v);
      if (used.has('theme')) expect(state.theme).toBe(v);
      if (used.has('site')) expect(state.site).toBe(v);
      if (used.has('date')) expect(state.date).toBe(v);
    },
  );

  it('uses real calendar dates only, clamped into the range', () => {
    expect(parseUrl('?date=2024-02-29', ctx).state.date).toBe('2024-09-01');
    expect(parseUrl('?date=2024-02-29', ctx).notices).toEqual([
      { param: 'date', value: '2024-02-29', reason: 'clamped' },
    ]);
    expect(parseUrl('?date=2025-02-29', ctx).notices[0]?.reason).toBe('invalid');
    expect(parseUrl('?date=9999-12-31', ctx).state.date).toBe('2026-12-31');
    expect(parseUrl('?date=0000-01-01', ctx).state.date).toBe('2024-09-01');
    for (const bad of ['9999-99-99', '2025-13-01', '2025-00-10', '2025-04-31', '+002025-01-01', '２０２５-０１-０１']) {
      const { state, notices } = parseUrl(`?date=${encodeURIComponent(bad)}`, ctx);
      expect(state.date, bad).toBe(ctx.defaultDate);
      expect(notices, bad).toEqual([{ param: 'date', value: bad, reason: 'invalid' }]);
    }
  });

  it('lets a valid phase stand in for an invalid date, and a valid date win over a phase', () => {
    expect(parseUrl('?date=2025-02-30&phase=phase-2', ctx).state.date).toBe('2025-10-01');
    const both = parseUrl('?date=2025-01-15&phase=phase-2', ctx);
    expect(both.state.date).toBe('2025-01-15');
    expect(both.notices).toEqual([{ param: 'phase', value: 'phase-2', reason: 'conflict' }]);
  });

  it('refuses a query longer than 4096 characters as a whole, with one notice', () => {
    const q = `?lang=de&site=${'a'.repeat(MAX_QUERY_LENGTH)}`;
    const { state, notices } = parseUrl(q, ctx);
    expect(state.lang).toBe('en');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ param: 'query', reason: 'invalid' });
    expect(notices[0]!.value.startsWith('lang=de&site=aaa')).toBe(true);
  });

  it('cuts notice values to 64 code points and replaces control and bidi characters', () => {
    expect(short('a\u202eb\u0000c\u200fd')).toBe('a\ufffdb\ufffdc\ufffdd');
    const emoji = short('😀'.repeat(100));
    expect(Array.from(emoji)).toHaveLength(65);
    expect(emoji.endsWith('…')).toBe(true);
    // No half of a surrogate pair at the cut.
    expect(emoji).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });
});

describe('peekLang', () => {
  it('reads a known lang, else the browser language, else English', () => {
    expect(peekLang('?lang=ar')).toBe('ar');
    expect(peekLang('?lang=xx', ['de-AT'])).toBe('de');
    expect(peekLang('?lang=__proto__')).toBe('en');
    expect(peekLang(`?lang=fr&x=${'y'.repeat(MAX_QUERY_LENGTH)}`, ['de'])).toBe('de');
    expect(peekLang('', [])).toBe('en');
  });
});
