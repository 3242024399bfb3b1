/**
 * Keeps the URL in step with AppState, by the history mode each change is made with
 * (`store.set(patch, mode)`): 'push' is a reader's move, 'replace' a change that must not add to the
 * back button (a host's command), 'none' a change that came from the URL itself (back/forward). The
 * URL follows every change (rewritten when the value rests, see REPLACE_INTERVAL_MS), and a burst of
 * moves (a drag, a run of key presses, a held key) becomes one history entry once it pauses for
 * PUSH_PAUSE_MS. Back and forward restore the state. Works inside iframes; never throws when the
 * history API is blocked (sandboxed frames).
 */
import type { Store } from '../state/store.ts';
import { parseUrl, serializeUrl, type UrlContext } from '../state/url.ts';

export interface HistorySync {
  /** Records the current state as a new history entry now (if it differs from the last one). */
  commit(): void;
  destroy(): void;
}

/**
 * Quiet time after the last change before the live URL is rewritten (replaceState) while a value keeps
 * changing (a drag, a host sending dates): a drag rewrites it when it pauses, not on every step. Each
 * replaceState costs a few milliseconds of a phone's main thread (issue 8), and browsers cap history
 * calls (Chromium: 200 per 10 s, then it ignores them with a console warning; Safari: 100 per 30 s,
 * then it throws), and a capped browser would also drop the pushState of the move's end. At most 4
 * per second stays under both caps; the last value is always written.
 */
export const REPLACE_INTERVAL_MS = 250;

/** A pause this long ends a burst of moves: the state then becomes a history entry of its own. */
export const PUSH_PAUSE_MS = 600;

function safe(fn: () => void): void {
  try {
    fn();
  } catch {
    // Some sandboxed or opaque-origin frames forbid history changes; the map still works.
  }
}

/** Starts syncing the store and the URL. */
export function startHistorySync(
  store: Store,
  ctx: UrlContext,
  replaceInterval = REPLACE_INTERVAL_MS,
  pushPause = PUSH_PAUSE_MS,
): HistorySync {
  let lastPushed = location.search;
  let lastReplace = Number.NEGATIVE_INFINITY;
  let pending: number | undefined;
  let pushTimer: number | undefined;
  const url = () => `${location.pathname}${serializeUrl(store.get())}${location.hash}`;
  const cancelPending = () => {
    if (pending !== undefined) window.clearTimeout(pending);
    pending = undefined;
  };
  const cancelPush = () => {
    if (pushTimer !== undefined) window.clearTimeout(pushTimer);
    pushTimer = undefined;
  };
  const replaceNow = () => {
    cancelPending();
    lastReplace = performance.now();
    safe(() => history.replaceState(null, '', url()));
  };
  const replaceSoon = () => {
    cancelPending();
    // At least replaceInterval after the last write, and only once the value has rested that long.
    const wait = Math.max(replaceInterval, lastReplace + replaceInterval - performance.now());
    pending = window.setTimeout(replaceNow, wait);
  };
  const commit = () => {
    cancelPending();
    cancelPush();
    const search = serializeUrl(store.get());
    if (search === lastPushed) {
      // A move that ended where it began: the live entry may still show a value from the middle.
      if (location.search !== search) replaceNow();
      return;
    }
    // The live entry may already show the new state (replaceState while moving): put the old state
    // back on it and write the new one as a new entry.
    safe(() => history.replaceState(null, '', lastPushed ? `${location.pathname}${lastPushed}` : location.pathname));
    safe(() => history.pushState(null, '', url()));
    lastPushed = search;
  };
  const off = store.subscribe((_s, _p, mode) => {
    if (mode === 'none') return;
    replaceSoon();
    if (mode === 'push') {
      cancelPush();
      pushTimer = window.setTimeout(commit, pushPause);
    }
  });
  const onPop = () => {
    cancelPending();
    cancelPush();
    const { state } = parseUrl(location.search, ctx);
    store.set({ date: state.date, site: state.site, lang: state.lang, theme: state.theme }, 'none');
    lastPushed = location.search;
  };
  window.addEventListener('popstate', onPop);
  return {
    commit,
    destroy() {
      off();
      cancelPending();
      cancelPush();
      window.removeEventListener('popstate', onPop);
    },
  };
}
