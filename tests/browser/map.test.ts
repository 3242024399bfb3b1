/** The foundation: the built page draws Iraq and Syria from its own files, offline, without errors. */
import { describe, expect, it } from 'vitest';
import { open, waitDrawn, waitReady } from './browser.ts';
import { expectPngGolden } from '../support/golden.ts';
import { goldenPng, useSite } from './fixture.ts';

const site = useSite();

describe('the map page', () => {
  for (const [name, viewport] of [
    ['desktop', { width: 1000, height: 700 }],
    ['phone', { width: 375, height: 667 }],
  ] as const) {
    it(`draws at ${name} size with no console error and no request off the origin`, async () => {
      const p = await open(site.browser, `${site.server.url}?date=2025-06-01`, { viewport });
      try {
        await waitReady(p.page);
        await waitDrawn(p.page, '2025-06-01');
        expect(await p.page.evaluate(() => document.documentElement.dataset.date)).toBe('2025-06-01');
        expect(await p.page.locator('#map canvas.maplibregl-canvas').count()).toBe(1);
        const png = await p.page.screenshot({ fullPage: false });
        expectPngGolden(goldenPng(`page-${name}-2025-06-01`), png);
        expect(p.errors).toEqual([]);
        expect(p.offsite).toEqual([]);
      } finally {
        await p.close();
      }
    });
  }

  it('shows a readable message and data-map-state=error when the data cannot be loaded', async () => {
    const p = await open(site.browser, null);
    try {
      await p.page.route('**/geo/coalition-presence.geojson', (r) => r.fulfill({ status: 404, body: 'gone' }));
      await p.page.goto(site.server.url);
      expect(await waitReady(p.page, true)).toBe('error');
      await expect(p.page.getByTestId('map-message').textContent()).resolves.toContain('coalition-presence.geojson');
    } finally {
      await p.close();
    }
  });
});
