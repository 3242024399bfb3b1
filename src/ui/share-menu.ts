/**
 * "Share" in the map's tool bar: a disclosure with "Copy link to this view", "Download image" at two
 * widths, and "Embed this map…". The image code is loaded on the first download (few readers ask).
 * Escape or a click elsewhere closes it; focus goes back to the button.
 */
import { copyText } from './clipboard.ts';
import type { AppData } from '../data/types.ts';
import { mountEmbedButton } from '../embed/dialog.ts';
import { t } from '../i18n/index.ts';
import type { Store } from '../state/store.ts';
import { h, setAttr, setText } from './dom.ts';

export interface ShareOptions {
  store: Store;
  data: AppData;
  /** The address of the current view on the standalone page. */
  link(): string;
  /** Makes and downloads the PNG of the current view, `width` pixels wide. */
  downloadImage(width: number): Promise<void>;
}

/** The widths the image comes in: a web image and a print-quality one. */
export const IMAGE_WIDTHS = [1200, 2400] as const;

/** Adds the Share button and its panel to the tool bar; returns an unmount function. */
export function mountShareMenu(tools: HTMLElement, opts: ShareOptions): () => void {
  const { store } = opts;
  const wrap = h('div', { class: 'share' });
  const button = h('button', {
    type: 'button',
    class: 'tool',
    id: 'share-button',
    'aria-expanded': 'false',
    'aria-controls': 'share-panel',
  });
  const panel = h('div', { class: 'share-panel', id: 'share-panel', role: 'group' });
  panel.hidden = true;
  const copy = h('button', { type: 'button', class: 'share-item', 'data-action': 'copy-link' });
  const images = IMAGE_WIDTHS.map((width) =>
    h('button', { type: 'button', class: 'share-item', 'data-action': 'image', 'data-width': String(width) }),
  );
  const status = h('p', { class: 'share-status', role: 'status' });
  const manual = h('input', { type: 'text', class: 'share-link', readonly: true, 'aria-label': '' });
  manual.hidden = true;
  panel.append(copy, ...images);
  const stopEmbed = mountEmbedButton(panel, store, opts.data);
  panel.append(manual, status);
  wrap.append(button, panel);
  tools.append(wrap);

  const render = () => {
    const { lang } = store.get();
    setText(button, t(lang, 'share.button'));
    setAttr(panel, 'aria-label', t(lang, 'share.menu'));
    setText(copy, t(lang, 'share.copyLink'));
    images.forEach((b, i) => {
      setText(b, t(lang, 'share.image', { width: String(IMAGE_WIDTHS[i]) }));
    });
    setAttr(manual, 'aria-label', t(lang, 'share.linkManual'));
  };
  const say = (text: string) => setText(status, text);
  const open = (show: boolean) => {
    panel.hidden = !show;
    setAttr(button, 'aria-expanded', String(show));
    if (show) {
      say('');
      manual.hidden = true;
      copy.focus();
    }
  };
  const close = (refocus: boolean) => {
    if (panel.hidden) return;
    open(false);
    if (refocus) button.focus();
  };

  button.addEventListener('click', () => open(panel.hidden));
  panel.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    e.stopPropagation();
    close(true);
  });
  button.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && !panel.hidden) {
      e.preventDefault();
      close(true);
    }
  });
  const onDocClick = (e: MouseEvent) => {
    // (Not for clicks in the embed dialog, which hands focus back to its button in this panel.)
    const target = e.target as Element | null;
    if (!wrap.contains(target) && !target?.closest?.('dialog')) close(false);
  };
  document.addEventListener('click', onDocClick);

  copy.addEventListener('click', async () => {
    const { lang } = store.get();
    const url = opts.link();
    // Refused in a frame without clipboard permission and on insecure origins: then the link shows,
    // selected, for the reader to copy by hand.
    if (await copyText(url)) {
      say(t(lang, 'share.linkCopied'));
    } else {
      manual.value = url;
      manual.hidden = false;
      say(t(lang, 'share.linkManual'));
      manual.focus();
      manual.select();
    }
  });
  images.forEach((b, i) => {
    b.addEventListener('click', async () => {
      const { lang } = store.get();
      const width = IMAGE_WIDTHS[i] ?? 1200;
      say(t(lang, 'share.imageBusy'));
      for (const x of images) x.disabled = true;
      try {
        await opts.downloadImage(width);
        say(t(lang, 'share.imageDone'));
      } catch (err) {
        console.error(err);
        say(t(lang, 'share.imageFailed'));
      } finally {
        for (const x of images) x.disabled = false;
      }
    });
  });

  render();
  const off = store.subscribe((s, p) => {
    if (s.lang !== p.lang) render();
  });
  return () => {
    off();
    stopEmbed();
    document.removeEventListener('click', onDocClick);
    wrap.remove();
  };
}
