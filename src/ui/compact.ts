/**
 * Narrow maps: the tool bar keeps one row, and clear of the map's north (Rmelan, Qamishli), by giving
 * its buttons short names ("Table" for "Show as table"): on phones, and on pages up to 1280 px wide
 * where the map beside the side panel is under about 950 px. The long name stays the accessible name
 * (aria-label) and the tooltip; the short one is what shows.
 */
const QUERY = '(max-width: 1280px)';

/** True on a narrow screen, where the tool bar's buttons take their short names. */
export function isCompact(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia(QUERY).matches;
}

/** Calls back when the screen crosses into or out of the narrow layout; returns an unsubscribe function. */
export function onCompactChange(callback: () => void): () => void {
  if (typeof window.matchMedia !== 'function') return () => {};
  const mq = window.matchMedia(QUERY);
  mq.addEventListener('change', callback);
  return () => mq.removeEventListener('change', callback);
}

/** Shows the short or the long name on a tool button; the long one stays its name and tooltip. */
export function toolName(button: HTMLElement, long: string, short: string): void {
  const compact = isCompact();
  const text = compact ? short : long;
  if (button.textContent !== text) button.textContent = text;
  if (button.getAttribute('aria-label') !== long) button.setAttribute('aria-label', long);
  if (compact) {
    if (button.title !== long) button.title = long;
  } else button.removeAttribute('title');
}
