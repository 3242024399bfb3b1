/** The embed's pure parts: host commands, origins, pym ids, AMP markers and the embed snippets. */
import { describe, expect, it } from 'vitest';
import { parseCommand, parseOrigin } from '../../src/embed/messages.ts';
import { isAmpFrame, pymChildId } from '../../src/embed/size.ts';
import { embedUrl, iframeSnippet, loaderSnippet } from '../../src/embed/snippets.ts';

const DATE = '2025-06-01';

describe('embed messages', () => {
  it('accepts only well-formed commands', () => {
    expect(parseCommand({ type: 'coalition-map:set-date', date: '2025-01-31' })).toEqual({
      type: 'coalition-map:set-date',
      date: '2025-01-31',
    });
    expect(parseCommand({ type: 'coalition-map:set-lang', lang: 'ar' })).not.toBeNull();
    for (const junk of [
      'coalition-map:set-date',
      null,
      [],
      { type: 'coalition-map:set-date', date: '2025-02-30' },
      { type: 'coalition-map:set-date', date: '2025-1-1' },
      { type: 'coalition-map:set-date', date: 20250101 },
      { type: 'coalition-map:set-date', date: '2025-01-31', extra: true },
      JSON.parse('{"type":"coalition-map:set-date","date":"2025-01-31","__proto__":{"polluted":1}}'),
      { type: 'coalition-map:set-theme', theme: 'neon' },
      { type: 'coalition-map:set-lang', lang: 'en-US' },
      { type: 'coalition-map:nope' },
    ]) {
      expect(parseCommand(junk), JSON.stringify(junk)).toBeNull();
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reads origins, pym ids and AMP markers strictly', () => {
    expect(parseOrigin('https://news.example')).toBe('https://news.example');
    expect(parseOrigin('http://localhost:8080')).toBe('http://localhost:8080');
    for (const bad of ['http://news.example', 'https://news.example/path', 'news.example', 'javascript:alert(1)']) {
      expect(parseOrigin(bad), bad).toBeNull();
    }
    expect(pymChildId('?childId=map-host&initialWidth=300')).toBe('map-host');
    expect(pymChildId('?childId=a%20b')).toBeNull();
    expect(isAmpFrame('#amp=1', '')).toBe(true);
    expect(isAmpFrame('', 'amp_iframe0')).toBe(true);
    expect(isAmpFrame('#ramp=1', 'other')).toBe(false);
  });

  it('writes snippets with absolute URLs and no site or host parameters', () => {
    const href = 'https://maps.example/coalition/index.html?site=ain-al-asad&embed=1&childId=x#top';
    const o = { date: DATE, lang: 'de', theme: 'dark' } as const;
    expect(embedUrl(href, o)).toBe(`https://maps.example/coalition/index.html?date=${DATE}&lang=de&theme=dark&embed=1`);
    expect(iframeSnippet(href, o, 'A "title"')).toContain('title="A &quot;title&quot;"');
    expect(iframeSnippet(href, o, 't')).toContain('&amp;embed=1"');
    expect(loaderSnippet(href, o)).toContain('src="https://maps.example/coalition/embed.js"');
  });
});
