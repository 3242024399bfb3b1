/**
 * "Show the focus of this phase": moves the camera to the view the timeline gives the current phase,
 * and "Reset view". Only on request, never on its own, so it never fights the reader's pan and zoom.
 * Shown only while the WebGL map runs (the SVG map has one fixed view).
 */
import type { AppData } from '../data/types.ts';
import { t } from '../i18n/index.ts';
import { activeView, onActiveView } from '../map/active-view.ts';
import { phaseAt } from '../state/selectors.ts';
import type { Store } from '../state/store.ts';
import { h, setText } from './dom.ts';

/** Adds the two camera buttons to the map's tool bar; returns an unmount function. */
export function mountPhaseCamera(tools: HTMLElement, data: AppData, store: Store): () => void {
  const focus = h('button', { type: 'button', class: 'tool', 'data-testid': 'phase-camera' });
  const reset = h('button', { type: 'button', class: 'tool', 'data-testid': 'reset-view' });
  const render = () => {
    const { lang, date } = store.get();
    const phase = phaseAt(data.timeline, date);
    setText(focus, t(lang, 'map.phaseView'));
    setText(reset, t(lang, 'map.resetView'));
    const running = activeView() !== null;
    focus.hidden = !running || !phase?.camera;
    reset.hidden = !running;
  };
  focus.addEventListener('click', () => {
    const camera = phaseAt(data.timeline, store.get().date)?.camera;
    if (camera) activeView()?.showCamera(camera.center as [number, number], camera.zoom);
  });
  reset.addEventListener('click', () => activeView()?.resetView());
  tools.append(focus, reset);
  render();
  const off = store.subscribe(render);
  const offView = onActiveView(render);
  return () => {
    off();
    offView();
    focus.remove();
    reset.remove();
  };
}
