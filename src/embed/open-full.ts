/** The embed's way out: "Open the full map", the standalone page with the same view, in a new tab. */
import { t } from '../i18n/index.ts';
import type { Store } from '../state/store.ts';
import { serializeUrl } from '../state/url.ts';
import { h } from '../ui/dom.ts';

/** The standalone page for the current state: the same address without embed=1 (and without host parameters). */
export function fullMapUrl(store: Store, href = location.href): string {
  const u = new URL(href);
  return `${u.origin}${u.pathname}${serializeUrl({ ...store.get(), embed: false })}`;
}

/** Appends the link to parent and keeps its address and text in step with the state. */
export function mountOpenFull(parent: HTMLElement, store: Store): () => void {
  const link = h('a', { class: 'open-full', target: '_blank', rel: 'noopener noreferrer' });
  const render = () => {
    link.href = fullMapUrl(store);
    link.textContent = t(store.get().lang, 'app.openFull');
  };
  render();
  parent.append(link);
  const off = store.subscribe(render);
  return () => {
    off();
    link.remove();
  };
}
