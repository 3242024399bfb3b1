/** When a map box is on screen: the watchdog's clock and the below-the-fold embed's trigger. */

/**
 * Calls fn once el has been on screen (page visible, el intersecting the viewport) for ms in total;
 * returns a function that cancels it. Checked twice a second, so it costs nothing while waiting.
 */
export function afterTimeOnScreen(el: HTMLElement, ms: number, fn: () => void): () => void {
  let inView = true;
  let elapsed = 0;
  const STEP = 500;
  const io =
    typeof IntersectionObserver === 'undefined'
      ? null
      : new IntersectionObserver((e) => {
          inView = e.some((x) => x.isIntersecting);
        });
  io?.observe(el);
  const cancel = () => {
    window.clearInterval(timer);
    io?.disconnect();
  };
  const timer = window.setInterval(() => {
    if (document.visibilityState !== 'visible' || !inView) return;
    elapsed += STEP;
    if (elapsed < ms) return;
    cancel();
    fn();
  }, STEP);
  return cancel;
}

/** Resolves once el is within margin px of the viewport (at once where IntersectionObserver is missing). */
export function nearViewport(el: HTMLElement, margin = 600): Promise<void> {
  if (typeof IntersectionObserver === 'undefined') return Promise.resolve();
  return new Promise((resolve) => {
    const io = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          io.disconnect();
          resolve();
        }
      },
      { rootMargin: `${margin}px 0px` },
    );
    io.observe(el);
  });
}
