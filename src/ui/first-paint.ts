/**
 * Runs a callback once the page's first contentful paint (the prerendered SVG map) is on screen, so
 * that nothing the map's first paint does not need shares the reader's bandwidth or main thread with
 * it (issue 8: at most 60 KB before the first paint). Starts at once where paint timing is unsupported
 * or the page is hidden (a background tab paints nothing), and after a fallback time in any case (a
 * frame whose rendering the browser throttles off screen): the app must start anyway. The fallback is
 * generous on purpose: a slow phone can take seconds to raster its first frame, and starting early
 * there would spend its bandwidth on what the first paint does not need.
 */
export const FIRST_PAINT_FALLBACK_MS = 5000;

export function afterFirstPaint(run: () => void): void {
  let done = false;
  let observer: PerformanceObserver | undefined;
  const go = () => {
    if (done) return;
    done = true;
    observer?.disconnect();
    clearTimeout(timer);
    run();
  };
  const timer = setTimeout(go, FIRST_PAINT_FALLBACK_MS);
  try {
    if (document.visibilityState === 'hidden' || !PerformanceObserver.supportedEntryTypes?.includes('paint')) {
      go();
      return;
    }
    observer = new PerformanceObserver((list) => {
      if (list.getEntries().some((e) => e.name === 'first-contentful-paint')) go();
    });
    // buffered: the paint may already have happened before this module ran.
    observer.observe({ type: 'paint', buffered: true });
  } catch {
    go();
  }
}
