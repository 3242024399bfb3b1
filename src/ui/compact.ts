/**
 * Phones: the tool bar keeps one row by giving its buttons short names ("Table" for "Show as table").
 * The long name stays the accessible name where it says more (aria-label), the short one is what shows.
 */
const QUERY = '(max-width: 520px)';

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
