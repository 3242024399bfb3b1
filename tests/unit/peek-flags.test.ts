/** peekFlags (read before the data, to start the engine early) must agree with the full parse. */
import { describe, expect, it } from 'vitest';
import { MAX_QUERY_LENGTH, parseUrl, peekFlags, type UrlContext } from '../../src/state/url.ts';

const ctx: UrlContext = {
  range: { start: '2024-09-01', end: '2026-12-31' },
  defaultDate: '2025-06-01',
  phases: [],
  siteIds: new Set(),
};

describe('peekFlags', () => {
  it('reads embed and static exactly as parseUrl does', () => {
    for (const q of [
      '',
      '?embed=1',
      '?embed=true',
      '?embed=0',
      '?embed=yes',
      '?embed=1&embed=0',
      '?static=1&embed=1',
      '?static=false',
      '?EMBED=1',
      `?embed=1&x=${'y'.repeat(MAX_QUERY_LENGTH)}`,
    ]) {
      const { state } = parseUrl(q, ctx);
      expect(peekFlags(q), q.slice(0, 40)).toEqual({ embed: state.embed, forceStatic: state.forceStatic });
    }
  });
});
