/**
 * A browser that has the WebGL2 API but gives no context (a blocklisted GPU, a context limit reached):
 * the page does not probe for a context of its own (that cost the WebGL map two seconds), so the map's
 * constructor is what fails, and the page must then behave exactly as without WebGL.
 */
import { describe, expect, it } from 'vitest';
import { open, waitDrawn } from './browser.ts';
import { useSite } from './fixture.ts';

const site = useSite();

describe('WebGL2 API without a context', () => {
  it('falls back to the SVG map with reason no-webgl, leaves no engine canvas, and the slider still draws', async () => {
    const p = await open(site.browser, null);
    try {
      await p.page.addInitScript(() => {
        const get = HTMLCanvasElement.prototype.getContext;
        HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, kind: string, ...rest: unknown[]) {
          if (kind === 'webgl2' || kind === 'webgl') return null;
          return (get as (...a: unknown[]) => unknown).call(this, kind, ...rest);
        } as typeof get;
      });
      await p.page.goto(`${site.server.url}?date=2025-06-01`);
      await p.page.waitForFunction(() => document.getElementById('map')?.dataset.fallbackReason === 'no-webgl');
      await waitDrawn(p.page, '2025-06-01');
      expect(await p.page.locator('#map').getAttribute('data-renderer')).toBe('svg');
      expect(await p.page.locator('#map canvas').count()).toBe(0);
      expect(await p.page.locator('#map .maplibregl-control-container').count()).toBe(0);
      await p.page.focus('#date-slider');
      await p.page.keyboard.press('End');
      await waitDrawn(p.page, '2026-12-31');
      expect(p.errors).toEqual([]);
    } finally {
      await p.close();
    }
  });
});
