/** The one AppState and its store: controls write it, renderers subscribe to it. */
import type { Lang } from '../data/schema.ts';

export type ThemeSetting = 'auto' | 'light' | 'dark';

export interface AppState {
  /** The date drawn, YYYY-MM-DD. */
  date: string;
  /** The selected site id, or null. */
  site: string | null;
  lang: Lang;
  theme: ThemeSetting;
  embed: boolean;
  /** Force the SVG map (?static=1). */
  forceStatic: boolean;
}

/** How a change is recorded in the browser history. */
export type HistoryMode = 'push' | 'replace' | 'none';

export type Listener = (state: AppState, prev: AppState, history: HistoryMode) => void;

export interface Store {
  get(): AppState;
  set(patch: Partial<AppState>, history?: HistoryMode): void;
  subscribe(fn: Listener): () => void;
}

/** A minimal observable store; listeners run synchronously in subscription order. */
export function createStore(initial: AppState): Store {
  let state = initial;
  const listeners = new Set<Listener>();
  return {
    get: () => state,
    set(patch, history = 'replace') {
      const next = { ...state, ...patch };
      const changed = (Object.keys(patch) as (keyof AppState)[]).some((k) => next[k] !== state[k]);
      if (!changed) return;
      const prev = state;
      state = next;
      for (const fn of [...listeners]) fn(state, prev, history);
    },
    subscribe(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
  };
}
