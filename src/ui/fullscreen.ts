/**
 * The full-screen button: the map, its slider and legend fill the screen (the Fullscreen API on the
 * app's element). Where the browser refuses (an iframe without `allow="fullscreen"`, iOS Safari on a
 * phone), the button is a link that opens the full map in a new tab instead.
 */
import { t } from '../i18n/index.ts';
import type { Store } from '../state/store.ts';
import { h, setAttr } from './dom.ts';

export interface FullscreenOptions {
  store: Store;
  /** What goes full screen. */
  target: HTMLElement;
  /** The standalone page's address for the current view (the fallback). */
  link(): string;
}

const ENTER = 'M3 8V3h5M12 3h5v5M17 12v5h-5M8 17H3v-5';
const EXIT = 'M8 3v5H3M17 8h-5V3M12 17v-5h5M3 12h5v5';

function icon(path: string): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 20 20');
  svg.setAttribute('width', '16');
  svg.setAttribute('height', '16');
  svg.setAttribute('aria-hidden', 'true');
  const p = document.createElementNS(ns, 'path');
  p.setAttribute('d', path);
  p.setAttribute('fill', 'none');
  p.setAttribute('stroke', 'currentColor');
  p.setAttribute('stroke-width', '2');
  svg.append(p);
  return svg;
}

/** Adds the button to the tool bar; returns an unmount function. */
export function mountFullscreen(tools: HTMLElement, opts: FullscreenOptions): () => void {
  const { store, target } = opts;
  const can = document.fullscreenEnabled === true && typeof target.requestFullscreen === 'function';
  const el: HTMLButtonElement | HTMLAnchorElement = can
    ? h('button', { type: 'button', class: 'tool tool-icon', id: 'fullscreen-button' })
    : h('a', { class: 'tool tool-icon', id: 'fullscreen-button', target: '_blank', rel: 'noopener' });
  const render = () => {
    const { lang } = store.get();
    const on = document.fullscreenElement === target;
    const name = can ? t(lang, on ? 'fullscreen.exit' : 'fullscreen.enter') : t(lang, 'fullscreen.open');
    setAttr(el, 'aria-label', name);
    setAttr(el, 'title', name);
    if (el instanceof HTMLButtonElement) setAttr(el, 'aria-pressed', String(on));
    else setAttr(el, 'href', opts.link());
    // Only when it flips: a new icon on every slider step made the tool bar lay out again each time.
    if (el.dataset.on !== String(on)) {
      el.dataset.on = String(on);
      el.replaceChildren(icon(on ? EXIT : ENTER));
    }
  };
  if (el instanceof HTMLButtonElement) {
    el.addEventListener('click', () => {
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
      else
        void target.requestFullscreen().catch(() => {
          // Refused after all (a permissions policy): open the full map instead.
          window.open(opts.link(), '_blank', 'noopener');
        });
    });
  }
  document.addEventListener('fullscreenchange', render);
  render();
  const off = store.subscribe(render);
  tools.append(el);
  return () => {
    off();
    document.removeEventListener('fullscreenchange', render);
    el.remove();
  };
}
