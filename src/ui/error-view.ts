/**
 * Readable messages in the map area instead of a blank map: the map could not be drawn (with a
 * retry), it was drawn without some files (saying which), or the data is still on its way.
 */
import type { LoadProblem } from '../data/load.ts';
import type { Lang } from '../data/schema.ts';
import { t } from '../i18n/index.ts';
import { h } from './dom.ts';

// A broken file can yield hundreds of schema issues; the reader needs the file and the first one.
const MAX_FILES = 8;
const MAX_MESSAGE = 160;

/**
 * One entry per file: `timeline.json (HTTP 404)`, its message cut to its first line and 160 characters;
 * fact files before base-map files (they matter more), at most 8, then `+n` for the rest.
 */
export function describeProblems(problems: readonly LoadProblem[]): string {
  const ordered = [...problems].sort((a, b) => Number(a.file.includes('/')) - Number(b.file.includes('/')));
  const parts = ordered.slice(0, MAX_FILES).map((p) => {
    const lines = p.message.split('\n');
    let msg = lines[0] ?? '';
    if (msg.length > MAX_MESSAGE) msg = `${msg.slice(0, MAX_MESSAGE)}…`;
    if (lines.length > 1) msg += ` (+${lines.length - 1})`;
    return `${p.file.slice(0, MAX_MESSAGE)} (${msg})`;
  });
  if (problems.length > MAX_FILES) parts.push(`+${problems.length - MAX_FILES}`);
  return parts.join('; ');
}

function retryButton(lang: Lang, onRetry: () => void): HTMLButtonElement {
  const retry = h('button', { type: 'button', class: 'tool', 'data-testid': 'map-retry' }, t(lang, 'app.error.retry'));
  retry.addEventListener('click', onRetry, { once: true });
  return retry;
}

/** Removes every message this module put in host. */
export function clearMapMessages(host: HTMLElement): void {
  for (const el of host.querySelectorAll('.map-message')) el.remove();
}

/** The map could not be drawn: says which files failed; onRetry (if given) gets a button. Returns the element. */
export function showMapMessage(
  host: HTMLElement,
  lang: Lang,
  problems: readonly LoadProblem[],
  onRetry?: () => void,
): HTMLElement {
  clearMapMessages(host);
  const box = h(
    'div',
    { class: 'map-message', role: 'alert', 'data-testid': 'map-message', 'data-kind': 'error' },
    h('h2', {}, t(lang, 'app.error.title')),
    h('p', {}, t(lang, 'app.error.data', { files: describeProblems(problems) })),
    onRetry ? retryButton(lang, onRetry) : null,
  );
  host.append(box);
  return box;
}

/** The map is drawn without some optional files (a layer, the base map): names them, can be dismissed. */
export function showPartialNote(host: HTMLElement, lang: Lang, problems: readonly LoadProblem[]): HTMLElement {
  clearMapMessages(host);
  const dismiss = h('button', { type: 'button', class: 'tool' }, t(lang, 'app.notice.dismiss'));
  const box = h(
    'div',
    { class: 'map-message', role: 'status', 'data-testid': 'map-message', 'data-kind': 'partial' },
    h('p', {}, t(lang, 'app.error.data', { files: describeProblems(problems) })),
    dismiss,
  );
  dismiss.addEventListener('click', () => box.remove(), { once: true });
  host.append(box);
  return box;
}

/**
 * A progress note while data is slow, with a retry for a request that has stalled; returns a function
 * that removes it. onRetry defaults to reloading the page.
 */
export function showSlowNote(host: HTMLElement, lang: Lang, onRetry: () => void = () => location.reload()): () => void {
  const note = h(
    'div',
    { class: 'map-message', role: 'status', 'data-testid': 'slow-note', 'data-kind': 'slow' },
    h('p', {}, t(lang, 'app.slow')),
    retryButton(lang, onRetry),
  );
  host.append(note);
  return () => note.remove();
}
