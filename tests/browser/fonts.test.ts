/**
 * Fonts: a page downloads only the faces its language needs. The Arabic faces (50 KB each) on an
 * English page took bandwidth from the WebGL map; an Arabic page must still get them.
 */
import { describe, expect, it } from 'vitest';
import { open, waitReady } from './browser.ts';
import { useSite } from './fixture.ts';

const site = useSite();

async function fontsLoaded(query: string): Promise<string[]> {
  const p = await open(site.browser, null);
  const fonts: string[] = [];
  p.page.on('request', (r) => {
    const file = new URL(r.url()).pathname.split('/').pop() ?? '';
    if (file.endsWith('.woff2')) fonts.push(file.replace(/-normal-[\w-]+\.woff2$/, ''));
  });
  await p.page.goto(`${site.server.url}${query}`);
  await waitReady(p.page);
  // Every text on the page (panels, table, map labels) is set by now: open the table and a site too.
  await p.page.click('#map-tools [aria-controls=site-table]');
  await p.page.evaluate(() => document.fonts.ready);
  await p.close();
  return [...new Set(fonts)].sort();
}

describe('fonts', () => {
  it('an English page loads the Latin faces only', async () => {
    const fonts = await fontsLoaded('?date=2026-03-12');
    expect(fonts.some((f) => f.startsWith('noto-sans-latin'))).toBe(true);
    expect(fonts.filter((f) => f.includes('arabic'))).toEqual([]);
  });

  it('an Arabic page loads the Arabic faces', async () => {
    const fonts = await fontsLoaded('?date=2026-03-12&lang=ar');
    expect(fonts).toContain('noto-sans-arabic-arabic-400');
    expect(fonts).toContain('noto-sans-arabic-arabic-600');
  });
});
