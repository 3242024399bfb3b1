/**
 * The first paint (issue 8): it is the prerendered SVG map, and nothing it does not need is fetched
 * before it. The check is on order, not on time: every resource the browser started before the
 * first-contentful-paint entry must be the page itself, its style sheet, the entry script or a font.
 * The network is slowed (as on a phone) so that the paint comes long before the app could have loaded:
 * if the data, the app or the engine were requested early (a preload in the HTML, a static import in
 * the entry script), they would start before the paint and fail this test.
 */
import { describe, expect, it } from 'vitest';
import { open, waitReady } from './browser.ts';
import { useSite } from './fixture.ts';

const site = useSite();

interface PaintReport {
  fcp: number | null;
  svgVisible: boolean;
  before: string[];
  after: string[];
}

describe('the first paint', () => {
  it('is the prerendered map, and only the HTML, the styles, the entry script and fonts come before it', async () => {
    const p = await open(site.browser, null, { viewport: { width: 412, height: 823 } });
    try {
      const cdp = await p.page.context().newCDPSession(p.page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 150,
        downloadThroughput: (1.6 * 1024 * 1024) / 8,
        uploadThroughput: (750 * 1024) / 8,
      });
      // Where the prerendered map is when the first paint is reported (it is hidden once WebGL has drawn).
      await p.page.addInitScript(() => {
        new PerformanceObserver((list) => {
          if (!list.getEntries().some((e) => e.name === 'first-contentful-paint')) return;
          // The one of the two prerendered maps this width shows (desktop or phone).
          const r = [...document.querySelectorAll('#map-static svg')]
            .map((el) => el.getBoundingClientRect())
            .find((b) => b.width > 0);
          (window as unknown as { __svgAtPaint: unknown }).__svgAtPaint = r ? { w: r.width, h: r.height } : null;
        }).observe({ type: 'paint', buffered: true });
      });
      await p.page.goto(site.server.url);
      await waitReady(p.page, false, 120_000);
      const report: PaintReport = await p.page.evaluate(() => {
        const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null;
        const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
        const path = (u: string) => new URL(u).pathname.replace(/^.*?\/(assets|geo)\//, '$1/');
        const svg = (window as unknown as { __svgAtPaint: { w: number; h: number } | null }).__svgAtPaint;
        return {
          fcp,
          svgVisible: !!svg && svg.w > 300 && svg.h > 200,
          before: resources.filter((r) => fcp !== null && r.startTime < fcp).map((r) => path(r.name)),
          after: resources.filter((r) => fcp === null || r.startTime >= fcp).map((r) => path(r.name)),
        };
      });
      expect(report.fcp, 'a first-contentful-paint entry').not.toBeNull();
      expect(report.svgVisible, 'the prerendered map has a size at the first paint').toBe(true);
      const allowed = /^assets\/(index-[\w-]+\.(css|js)|noto-sans-[\w-]+\.woff2)$/;
      expect(report.before.filter((r) => !allowed.test(r))).toEqual([]);
      // The test can fail: the data, the app and the engine are all fetched, only later.
      expect(report.after.some((r) => r.startsWith('geo/'))).toBe(true);
      expect(report.after.some((r) => /map-view/.test(r))).toBe(true);
      expect(p.errors).toEqual([]);
    } finally {
      await p.close();
    }
  });
});
