/**
 * What a slider step may not do, on the WebGL map (issue 12): read the map box's size (after a step has
 * changed the page's texts, that forces a layout of the whole document inside the input handler; the
 * render host keeps the size until a ResizeObserver reports a change), or read a canvas back more than
 * once per colour of the zone's hatch (each read-back of a GPU canvas cost ~50 ms in software GL), or
 * redraw the WebGL map when nothing on it changed (a setPaintProperty to the same colour on every step
 * had MapLibre redraw the whole map each time). Counted, not timed: speed itself is the bench's (README, Performance).
 */
import { describe, expect, it } from 'vitest';
import { open, waitReady } from './browser.ts';
import { useSite } from './fixture.ts';

const site = useSite();

describe('a slider step on the WebGL map', () => {
  it('reads no size of the map box and reads no canvas back beyond one hatch tile per holder', async () => {
    const p = await open(site.browser, site.server.url, { viewport: { width: 412, height: 823 } });
    try {
      // A size read inside a ResizeObserver callback is free (layout is clean there) and is how the host
      // learns a new size (the callout's text grew, say): only reads outside one are counted.
      await p.page.addInitScript(() => {
        const Native = window.ResizeObserver;
        const w = window as unknown as { inResizeObserver: number };
        w.inResizeObserver = 0;
        window.ResizeObserver = class extends Native {
          constructor(cb: ResizeObserverCallback) {
            super((entries, ro) => {
              w.inResizeObserver++;
              try {
                cb(entries, ro);
              } finally {
                w.inResizeObserver--;
              }
            });
          }
        };
      });
      await p.page.reload();
      await waitReady(p.page);
      expect(await p.page.getAttribute('#map', 'data-renderer')).toBe('webgl');
      const counts = await p.page.evaluate(async () => {
        const map = document.getElementById('map')!;
        const boxes = new Set<Element>([map, document.getElementById('map-static')!]);
        const n = { sizeReads: 0, readBacks: 0, steps: 0, firstSweepReadBacks: 0 };
        const restore: (() => void)[] = [];
        for (const prop of ['clientWidth', 'clientHeight', 'offsetWidth', 'offsetHeight'] as const) {
          const owner = prop.startsWith('client') ? Element.prototype : HTMLElement.prototype;
          const desc = Object.getOwnPropertyDescriptor(owner, prop)!;
          Object.defineProperty(owner, prop, {
            configurable: true,
            get(this: Element) {
              if (boxes.has(this) && !(window as unknown as { inResizeObserver: number }).inResizeObserver)
                n.sizeReads++;
              return desc.get!.call(this);
            },
          });
          restore.push(() => Object.defineProperty(owner, prop, desc));
        }
        const getImageData = CanvasRenderingContext2D.prototype.getImageData;
        CanvasRenderingContext2D.prototype.getImageData = function (
          this: CanvasRenderingContext2D,
          ...args: Parameters<typeof getImageData>
        ) {
          n.readBacks++;
          return getImageData.apply(this, args);
        } as typeof getImageData;
        restore.push(() => {
          CanvasRenderingContext2D.prototype.getImageData = getImageData;
        });
        const slider = document.getElementById('date-slider') as HTMLInputElement;
        const max = Number(slider.max);
        // Twice across the whole range, so that every holder of the zone comes round again.
        for (let i = 0; i <= 60; i++) {
          const value = Math.round(((i % 31) * max) / 30);
          slider.value = String(value);
          slider.dispatchEvent(new Event('input', { bubbles: true }));
          await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
          n.steps++;
          if (i === 30) n.firstSweepReadBacks = n.readBacks;
        }
        await new Promise((r) => setTimeout(r, 300));
        for (const undo of restore) undo();
        return n;
      });
      expect(counts.steps).toBe(61);
      expect(counts.sizeReads).toBe(0);
      // A tile per holder of the zone the first time round (SDF, contested, government); none the second.
      expect(counts.firstSweepReadBacks).toBeLessThanOrEqual(4);
      expect(counts.readBacks - counts.firstSweepReadBacks).toBe(0);
      expect(p.errors).toEqual([]);
    } finally {
      await p.close();
    }
  });

  it('draws no WebGL frame for a step that changes nothing on the map', async () => {
    // 1–20 April 2025: nothing happens to any site, the zone or a label on these days (the bench's
    // sweep draws no frame between its steps of 2, 16 and 30 April either). If an editor adds a fact
    // dated inside this span, pick another quiet span.
    const p = await open(site.browser, `${site.server.url}?date=2025-04-01`, { viewport: { width: 412, height: 823 } });
    try {
      await waitReady(p.page);
      expect(await p.page.getAttribute('#map', 'data-renderer')).toBe('webgl');
      const counts = await p.page.evaluate(async () => {
        const n = { draws: 0, steps: 0, dates: new Set<string>() };
        const proto = WebGL2RenderingContext.prototype;
        const originals = { drawElements: proto.drawElements, drawArrays: proto.drawArrays };
        proto.drawElements = function (this: WebGL2RenderingContext, ...a: Parameters<typeof proto.drawElements>) {
          n.draws++;
          return originals.drawElements.apply(this, a);
        };
        proto.drawArrays = function (this: WebGL2RenderingContext, ...a: Parameters<typeof proto.drawArrays>) {
          n.draws++;
          return originals.drawArrays.apply(this, a);
        };
        // Settle first: whatever the map had still to draw after ready is not the steps'.
        await new Promise((r) => setTimeout(r, 500));
        n.draws = 0;
        const slider = document.getElementById('date-slider') as HTMLInputElement;
        const start = Number(slider.value);
        for (let day = 1; day <= 19; day++) {
          slider.value = String(start + day);
          slider.dispatchEvent(new Event('input', { bubbles: true }));
          await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
          await new Promise((r) => setTimeout(r, 50));
          n.steps++;
          n.dates.add(document.documentElement.dataset.date ?? '');
        }
        await new Promise((r) => setTimeout(r, 300));
        Object.assign(proto, originals);
        return { draws: n.draws, steps: n.steps, dates: [...n.dates] };
      });
      expect(counts.steps).toBe(19);
      // The map did follow the slider (data-date is the date drawn) ...
      expect(counts.dates).toContain('2025-04-20');
      // ... without drawing a frame.
      expect(counts.draws).toBe(0);
      expect(p.errors).toEqual([]);
    } finally {
      await p.close();
    }
  });
});
