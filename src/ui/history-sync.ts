/**
 * Keeps the URL in step with AppState: replaceState while dragging, a new history entry when a move
 * is complete, and back/forward restore the state. Works inside iframes; never throws when the
 * history API is blocked (sandboxed frames).
 */
import type { Store } from '../state/store.ts';
import { parseUrl, serializeUrl, type UrlContext } from '../state/url.ts';

export interface HistorySync {
  /** Records the current state as a new history entry (if it differs from the last one). */
  commit(): void;
  destroy(): void;
}

function safe(fn: () => void): void {
  try {
    fn();
  } catch {
    // Some sandboxed or opaque-origin frames forbid history changes; the map still works.
  }
}

/** Starts syncing the store and the URL. */
export function startHistorySync(store: Store, ctx: UrlContext): HistorySync {
  let lastPushed = location.search;
  const url = () => `${location.pathname}${serializeUrl(store.get())}${location.hash}`;
  const off = store.subscribe((_s, _p, mode) => {
    if (mode === 'none') return;
    const next = url();
    if (mode === 'push') {
      safe(() => history.pushState(null, '', next));
      lastPushed = location.search;
    } else safe(() => history.replaceState(null, '', next));
  });
  const onPop = () => {
    const { state } = parseUrl(location.search, ctx);
    store.set({ date: state.date, site: state.site, lang: state.lang, theme: state.theme }, 'none');
    lastPushed = location.search;
  };
  window.addEventListener('popstate', onPop);
  return {
    commit() {
      const search = serializeUrl(store.get());
      if (search === lastPushed) return;
      // The live entry already shows the new state (replaceState while dragging): write it as a new entry.
      safe(() => history.replaceState(null, '', lastPushed ? `${location.pathname}${lastPushed}` : location.pathname));
      safe(() => history.pushState(null, '', url()));
      lastPushed = search;
    },
    destroy() {
      off();
      window.removeEventListener('popstate', onPop);
    },
  };
}
