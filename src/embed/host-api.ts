/**
 * The host API over postMessage. In: `set-date`, `set-theme`, `set-lang` (validated in messages.ts;
 * they only change the view, never facts). Out: `ready` once the map is drawn, then `state` after
 * every change, debounced so a drag sends one message at its end.
 */
import type { AppData } from '../data/types.ts';
import { clampDate } from '../data/dates.ts';
import { phaseAt } from '../state/selectors.ts';
import type { AppState, Store } from '../state/store.ts';
import { type Command, hostWindow, parseCommand, PREFIX, type Post } from './messages.ts';

export interface HostApiOptions {
  store: Store;
  data: AppData;
  /** Origins allowed to send commands (?origin=), or null for any. */
  origins: ReadonlySet<string> | null;
  post: Post;
  /** Milliseconds of quiet before a `state` message goes out. */
  debounceMs?: number;
}

/** What a host learns about the view: no more than the URL already says. */
export interface HostState {
  date: string;
  phase: string | null;
  site: string | null;
  lang: AppState['lang'];
  theme: AppState['theme'];
}

/** The public view of a state, as sent to the host. */
export function hostState(state: AppState, data: AppData): HostState {
  const { date, site, lang, theme } = state;
  return { date, phase: phaseAt(data.timeline, date)?.id ?? null, site, lang, theme };
}

/** The store patch for a command (dates clamped into the timeline like ?date=). */
export function patchFor(cmd: Command, data: AppData): Partial<AppState> {
  switch (cmd.type) {
    case 'coalition-map:set-date':
      return { date: clampDate(cmd.date, data.timeline.range.start, data.timeline.range.end) };
    case 'coalition-map:set-theme':
      return { theme: cmd.theme };
    case 'coalition-map:set-lang':
      return { lang: cmd.lang };
  }
}

/** Listens for host commands and reports the state; returns a stop function. */
export function startHostApi(opts: HostApiOptions): () => void {
  const { store, data, origins, post } = opts;
  const host = hostWindow();
  const root = document.documentElement;
  let timer = 0;
  let ready = false;

  const onMessage = (e: MessageEvent) => {
    // Only the window that frames us is a host; a restricted host list is checked on the real origin.
    if (!host || e.source !== host) return;
    if (origins && !origins.has(e.origin)) return;
    const cmd = parseCommand(e.data);
    // 'replace': a host's command must not add entries to the reader's back button.
    if (cmd) store.set(patchFor(cmd, data), 'replace');
  };

  const sendState = () => {
    timer = 0;
    post({ type: `${PREFIX}state`, ...hostState(store.get(), data) });
  };
  const off = store.subscribe(() => {
    window.clearTimeout(timer);
    timer = window.setTimeout(sendState, opts.debounceMs ?? 200);
  });

  const checkReady = () => {
    if (ready || root.dataset.mapState !== 'ready') return;
    ready = true;
    readyObserver.disconnect();
    post({ type: `${PREFIX}ready`, state: hostState(store.get(), data) });
  };
  const readyObserver = new MutationObserver(checkReady);
  readyObserver.observe(root, { attributes: true, attributeFilter: ['data-map-state'] });
  checkReady();

  window.addEventListener('message', onMessage);
  return () => {
    off();
    window.clearTimeout(timer);
    readyObserver.disconnect();
    window.removeEventListener('message', onMessage);
  };
}
