/**
 * "Embed this map…" in the share menu. The dialog it opens (dialog-view.ts) is loaded on the first
 * click: few readers embed, so its code stays out of the first download.
 */
import type { AppData } from '../data/types.ts';
import { t } from '../i18n/index.ts';
import type { Store } from '../state/store.ts';
import { h } from '../ui/dom.ts';

/** Adds the Embed button to parent; returns a function that removes it. */
export function mountEmbedButton(parent: HTMLElement, store: Store, data: AppData): () => void {
  const button = h('button', { type: 'button', class: 'share-item', id: 'embed-button', 'aria-haspopup': 'dialog' });
  const label = () => {
    button.textContent = t(store.get().lang, 'share.embed');
  };
  label();
  parent.append(button);
  let dialog: HTMLDialogElement | null = null;
  const onClick = async () => {
    const { buildDialog } = await import('./dialog-view.ts');
    if (dialog?.open) return;
    dialog?.remove();
    dialog = buildDialog(store, data, button);
    document.body.append(dialog);
    dialog.showModal();
  };
  button.addEventListener('click', onClick);
  const off = store.subscribe((s, p) => {
    if (s.lang !== p.lang) label();
  });
  return () => {
    off();
    dialog?.remove();
    button.removeEventListener('click', onClick);
    button.remove();
  };
}
