/** A readable message in the map area instead of a blank map, with a retry button. */
import type { Lang } from '../data/schema.ts';
import type { LoadProblem } from '../data/load.ts';
import { t } from '../i18n/index.ts';
import { h } from './dom.ts';

/** Shows the problems in host; onRetry (if given) gets a button. Returns the message element. */
export function showMapMessage(
  host: HTMLElement,
  lang: Lang,
  problems: readonly LoadProblem[],
  onRetry?: () => void,
): HTMLElement {
  host.querySelector('.map-message')?.remove();
  const files = problems.map((p) => `${p.file} (${p.message})`).join('; ');
  const box = h(
    'div',
    { class: 'map-message', role: 'alert', 'data-testid': 'map-message' },
    h('h2', {}, t(lang, 'app.error.title')),
    h('p', {}, t(lang, 'app.error.data', { files })),
  );
  if (onRetry) {
    const retry = h('button', { type: 'button', class: 'tool' }, t(lang, 'app.error.retry'));
    retry.addEventListener('click', onRetry);
    box.append(retry);
  }
  host.append(box);
  return box;
}

/** A quiet progress note while data is slow; returns a function that removes it. */
export function showSlowNote(host: HTMLElement, lang: Lang): () => void {
  const note = h('div', { class: 'map-message', role: 'status', 'data-testid': 'slow-note' }, t(lang, 'app.slow'));
  host.append(note);
  return () => note.remove();
}
