/**
 * The scale bar, in kilometres and the reader's language, over either renderer: drawn from the camera
 * the render host publishes (the fitted view on the SVG map, the current camera on the WebGL map),
 * in the box the label layout keeps clear (render/frame.ts scaleBarBox). Web Mercator's scale changes
 * with latitude (about 9 % between Basra and Qamishli): the bar holds at the centre of the view.
 */
import { formatNumber, t } from '../i18n/index.ts';
import { scaleBar, scaleBarBox } from '../render/frame.ts';
import type { RendererHost } from '../render/host.ts';
import type { Store } from '../state/store.ts';
import { h, setText } from './dom.ts';

/** Adds the scale bar to the map box; returns an unmount function. */
export function mountScaleBar(
  map: HTMLElement,
  store: Store,
  renderer: RendererHost,
  /** Ain al-Asad's callout: where it had to take the corner over the map's controls, the bar gives way. */
  callout: () => HTMLElement | null = () => null,
): () => void {
  const el = h('div', { class: 'scale-bar', 'aria-hidden': 'true', 'data-testid': 'scale-bar' });
  const bar = h('span', { class: 'scale-bar-line' });
  const label = h('span', { class: 'scale-bar-label' });
  el.append(bar, label);
  el.hidden = true;
  map.append(el);
  const render = () => {
    const view = renderer.status().view;
    if (!view || view.width === 0) {
      el.hidden = true;
      return;
    }
    const { lang } = store.get();
    const { km, px } = scaleBar(view);
    const box = scaleBarBox(view.width, view.height, lang);
    const rtl = lang === 'ar';
    // Pinned to the box's edge beside the credit, so the bar grows away from it; its bottom is fixed in
    // CSS (a top from an older frame size could hang below the map and grow a host-sized frame). Set
    // through the CSSOM: a strict CSP (style-src 'self') refuses style attributes.
    const side = `${rtl ? box.x0 : view.width - box.x1}px`;
    if (el.style.left !== (rtl ? side : '')) el.style.left = rtl ? side : '';
    if (el.style.right !== (rtl ? '' : side)) el.style.right = rtl ? '' : side;
    if (bar.style.width !== `${px}px`) bar.style.width = `${px}px`;
    setText(label, t(lang, 'scale.km', { n: formatNumber(lang, km) }));
    el.hidden = false;
    const c = renderer.status().callout?.covers ? callout() : null;
    if (c && !c.hidden) {
      const a = c.getBoundingClientRect();
      const b = el.getBoundingClientRect();
      if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) el.hidden = true;
    }
  };
  const offStore = store.subscribe((s, p) => {
    if (s.lang !== p.lang) render();
  });
  const offRenderer = renderer.subscribe(render);
  render();
  return () => {
    offStore();
    offRenderer();
    el.remove();
  };
}
