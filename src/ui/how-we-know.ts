/**
 * "How we know": what the statuses, the bases, the grades and the rings mean, how current the facts
 * are, and the sources of the statuses shown at the date (the list the print view keeps current goes
 * into `sourcesSlot`). Closed on screen, printed open; the same on the page and in the embed.
 */
import type { AppData } from '../data/types.ts';
import { STATUSES } from '../data/schema.ts';
import { asOf, reportingEndsFor } from '../data/freshness.ts';
import { formatDate, t } from '../i18n/index.ts';
import type { Store } from '../state/store.ts';
import { disclosure } from './disclosure.ts';
import { h } from './dom.ts';

export interface HowWeKnow {
  /** Where the sources of the statuses shown go. */
  sourcesSlot: HTMLElement;
  destroy(): void;
}

const BASIS = ['confirmed', 'reported', 'announced'] as const;

/** Mounts the panel into parent. */
export function mountHowWeKnow(parent: HTMLElement, data: AppData, store: Store): HowWeKnow {
  const panel = disclosure('how-we-know', 'how-we-know');
  const text = h('div', { class: 'how-text' });
  const sourcesSlot = h('div', { class: 'how-sources', id: 'sources-list' });
  panel.body.append(text, sourcesSlot);
  parent.append(panel.root);
  const render = () => {
    const { lang } = store.get();
    panel.setTitle(t(lang, 'how.title'));
    const item = (swatch: HTMLElement, words: string) => h('li', {}, swatch, h('span', {}, words));
    text.replaceChildren(
      h(
        'p',
        { class: 'how-fresh' },
        t(lang, 'how.fresh', {
          asOf: formatDate(lang, asOf(data)),
          ends: formatDate(lang, reportingEndsFor(data)),
        }),
      ),
      h('h3', {}, t(lang, 'how.statuses')),
      h(
        'ul',
        { class: 'how-keys' },
        ...STATUSES.map((s) =>
          item(h('span', { class: 'swatch', 'data-status': s, 'aria-hidden': 'true' }), t(lang, `how.${s}`)),
        ),
        item(h('span', { class: 'swatch swatch-approx', 'aria-hidden': 'true' }), t(lang, 'how.approximate')),
      ),
      h('h3', {}, t(lang, 'how.bases')),
      h(
        'ul',
        { class: 'how-keys' },
        ...BASIS.map((b) =>
          item(
            h('span', { class: 'swatch', 'data-status': 'present', 'data-basis': b, 'aria-hidden': 'true' }),
            t(lang, `how.${b}`),
          ),
        ),
      ),
      h('p', {}, t(lang, 'how.grades')),
      h('p', {}, t(lang, 'how.copies')),
    );
  };
  render();
  const off = store.subscribe((s, p) => {
    if (s.lang !== p.lang) render();
  });
  return {
    sourcesSlot,
    destroy() {
      off();
      panel.root.remove();
    },
  };
}
