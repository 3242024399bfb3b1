/**
 * "Updates": what changed in the facts, newest first (timeline.json `changes`), so that a reader who saw
 * an earlier version sees what changed and why. Closed by default; on the page and in the embed.
 */
import type { AppData } from '../data/types.ts';
import { formatDate, t } from '../i18n/index.ts';
import type { Store } from '../state/store.ts';
import { disclosure } from './disclosure.ts';
import { h } from './dom.ts';
import { indexSources, sourceItem } from './sources.ts';

/** Mounts the list into parent; it is left out when the data lists no change. */
export function mountUpdates(parent: HTMLElement, data: AppData, store: Store): () => void {
  const changes = data.timeline.changes;
  if (changes.length === 0) return () => {};
  const panel = disclosure('updates', 'updates');
  const list = h('ol', { class: 'updates-list' });
  panel.body.append(list);
  parent.append(panel.root);
  const sources = indexSources(data.sources);
  const render = () => {
    const { lang } = store.get();
    panel.setTitle(`${t(lang, 'updates.title')} (${formatDate(lang, changes[0]!.date)})`);
    list.replaceChildren(
      ...changes.map((c) =>
        h(
          'li',
          {},
          h('time', { datetime: c.date }, formatDate(lang, c.date)),
          h('p', {}, c.what[lang] || c.what.en),
          h('p', { class: 'why' }, t(lang, 'updates.why', { why: c.why[lang] || c.why.en })),
          c.sources?.length ? h('div', {}, ...c.sources.map((id) => sourceItem(sources, id, lang))) : null,
        ),
      ),
    );
  };
  render();
  const off = store.subscribe((s, p) => {
    if (s.lang !== p.lang) render();
  });
  return () => {
    off();
    panel.root.remove();
  };
}
