/**
 * "Zoom to this phase": moves the camera to the view the timeline gives the current phase, and
 * "Reset view". Only on request, never on its own, so it never fights the reader's pan and zoom.
 * Usable only while the camera can move (the WebGL map is on screen; the SVG map has one fixed view).
 */
import type { AppData } from '../data/types.ts';
import { t } from '../i18n/index.ts';
import type { RendererHost } from '../render/host.ts';
import { phaseAt } from '../state/selectors.ts';
import type { Store } from '../state/store.ts';
import { onCompactChange, toolName } from './compact.ts';
import { h } from './dom.ts';

/** Adds the two camera buttons to the map's tool bar; returns an unmount function. */
export function mountPhaseCamera(tools: HTMLElement, data: AppData, store: Store, renderer: RendererHost): () => void {
  const focus = h('button', { type: 'button', class: 'tool', 'data-testid': 'phase-camera' });
  const reset = h('button', { type: 'button', class: 'tool', 'data-testid': 'reset-view' });
  const render = () => {
    const { lang, date } = store.get();
    const phase = phaseAt(data.timeline, date);
    toolName(focus, t(lang, 'map.phaseView'), t(lang, 'tools.phase'));
    toolName(reset, t(lang, 'map.resetView'), t(lang, 'tools.reset'));
    // Shown (disabled) while the WebGL map loads, so the tool bar keeps its size when it takes over and
    // the labels laid out around it stay put; gone only where the SVG map is the renderer for good.
    const st = renderer.status();
    const never = st.ready && !st.camera;
    focus.hidden = never || !phase?.camera;
    reset.hidden = never;
    focus.disabled = !st.camera;
    reset.disabled = !st.camera;
  };
  focus.addEventListener('click', () => {
    const camera = phaseAt(data.timeline, store.get().date)?.camera;
    if (camera) renderer.showCamera(camera.center as [number, number], camera.zoom);
  });
  reset.addEventListener('click', () => renderer.resetView());
  tools.append(focus, reset);
  render();
  const off = store.subscribe(render);
  const offView = renderer.subscribe(render);
  const offCompact = onCompactChange(render);
  return () => {
    off();
    offCompact();
    offView();
    focus.remove();
    reset.remove();
  };
}
