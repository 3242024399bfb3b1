import { describe, expect, it } from 'vitest';
import { parseUrl, serializeUrl } from '../../src/state/url.ts';
import { urlContext } from '../support/url-context.ts';

const ctx = urlContext();

describe('parseUrl', () => {
  it('gives the defaults for an empty query', () => {
    const { state, notices } = parseUrl('', ctx);
    expect(state).toEqual({
      date: '2026-03-15',
      site: null,
      lang: 'en',
      theme: 'auto',
      embed: false,
      forceStatic: false,
    });
    expect(notices).toEqual([]);
  });

  it('reads every valid parameter', () => {
    const { state, notices } = parseUrl('?date=2025-01-15&site=al-tanf&lang=ar&theme=dark&embed=1&static=1', ctx);
    expect(state).toEqual({
      date: '2025-01-15',
      site: 'al-tanf',
      lang: 'ar',
      theme: 'dark',
      embed: true,
      forceStatic: true,
    });
    expect(notices).toEqual([]);
  });

  it('maps a phase to its first day, clamped into the range', () => {
    expect(parseUrl('?phase=phase-2', ctx).state.date).toBe('2025-10-01');
    expect(parseUrl('?phase=before', ctx).state.date).toBe('2024-09-01');
  });

  it.each([
    ['?date=2025-02-30', 'date', 'invalid'],
    ['?date=tomorrow', 'date', 'invalid'],
    ['?date=1999-01-01', 'date', 'clamped'],
    ['?phase=phase-9', 'phase', 'unknown-id'],
    ['?site=%3Cscript%3E', 'site', 'unknown-id'],
    ['?site=__proto__', 'site', 'unknown-id'],
    ['?lang=xx', 'lang', 'invalid'],
    ['?theme=neon', 'theme', 'invalid'],
    ['?embed=yes', 'embed', 'invalid'],
  ])('falls back visibly for %s', (q, param, reason) => {
    const { state, notices } = parseUrl(q, ctx);
    expect(notices).toContainEqual(expect.objectContaining({ param, reason }));
    expect(state.lang).toBe(param === 'lang' ? 'en' : state.lang);
    expect(state.site === null || ctx.siteIds.has(state.site)).toBe(true);
  });

  it('uses the browser language when no lang is given', () => {
    expect(parseUrl('', { ...ctx, preferredLangs: ['fr-CH', 'de'] }).state.lang).toBe('fr');
    expect(parseUrl('', { ...ctx, preferredLangs: ['it', 'ja'] }).state.lang).toBe('en');
  });

  it('cuts huge values in notices and ignores a huge query', () => {
    const long = 'x'.repeat(5000);
    expect(parseUrl(`?date=${long}`, ctx).state.date).toBe('2026-03-15');
    const n = parseUrl(`?lang=${'y'.repeat(200)}`, ctx).notices[0]!;
    expect(n.value.length).toBeLessThanOrEqual(65);
  });

  it('round-trips through serializeUrl', () => {
    const { state } = parseUrl('?date=2025-01-15&site=al-tanf&lang=de&theme=light&embed=1', ctx);
    const again = parseUrl(serializeUrl(state), ctx).state;
    expect(again).toEqual(state);
    expect(serializeUrl(state)).toBe('?date=2025-01-15&site=al-tanf&lang=de&theme=light&embed=1');
  });
});
