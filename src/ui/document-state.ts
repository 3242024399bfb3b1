/** What the page tells tests, hosts and CSS: readiness, the drawn date, language, direction and theme. */
import type { Lang } from '../data/schema.ts';
import { dirOf, t } from '../i18n/index.ts';
import type { ThemeSetting } from '../state/store.ts';
import type { ThemeName } from '../theme/palette.ts';

const root = document.documentElement;

/** Sets `data-map-state` (loading | ready | error), the contract tests and hosts wait on. */
export function setMapState(state: 'loading' | 'ready' | 'error'): void {
  root.dataset.mapState = state;
}

/** Sets `data-date` to the date the map has finished drawing. */
export function setDrawnDate(date: string): void {
  root.dataset.date = date;
}

/** Sets `data-renderer` (webgl | svg) on the map box, and `data-fallback-reason` while the SVG map stands in. */
export function setRenderer(mapEl: HTMLElement, kind: 'svg' | 'webgl', reason: string | null): void {
  if (mapEl.dataset.renderer !== kind) mapEl.dataset.renderer = kind;
  if (reason) mapEl.dataset.fallbackReason = reason;
  else delete mapEl.dataset.fallbackReason;
}

/** Sets lang, dir and the document title for a language. */
export function applyLang(lang: Lang): void {
  root.lang = lang;
  root.dir = dirOf(lang);
  document.title = t(lang, 'app.title');
}

const darkQuery = typeof window.matchMedia === 'function' ? window.matchMedia('(prefers-color-scheme: dark)') : null;

/** The theme a setting resolves to now (auto follows the reader's system). */
export function resolveTheme(setting: ThemeSetting): ThemeName {
  if (setting === 'auto') return darkQuery?.matches ? 'dark' : 'light';
  return setting;
}

/** Sets `data-theme` on <html>; returns the resolved theme. */
export function applyTheme(setting: ThemeSetting): ThemeName {
  const theme = resolveTheme(setting);
  root.dataset.theme = theme;
  return theme;
}

/** Calls fn when the system colour scheme changes. */
export function onSystemThemeChange(fn: () => void): () => void {
  darkQuery?.addEventListener('change', fn);
  return () => darkQuery?.removeEventListener('change', fn);
}
