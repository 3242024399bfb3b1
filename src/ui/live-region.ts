/**
 * A polite live region: after the slider settles it announces the date, the phase and which sites
 * changed status, so a screen-reader user hears what the sighted reader sees change.
 */
import { formatDate, t } from '../i18n/index.ts';
import type { SceneOf } from '../scene/scene.ts';
import type { Store } from '../state/store.ts';
import { h } from './dom.ts';

/** Mounts the live region; returns an unmount function. */
export function mountLiveRegion(parent: HTMLElement, store: Store, sceneOf: SceneOf, settleMs = 700): () => void {
  const region = h('div', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite', id: 'live' });
  parent.append(region);
  let timer: number | undefined;
  let announcedDate = store.get().date;

  const announce = () => {
    const state = store.get();
    const { date, lang } = state;
    if (date === announcedDate) return;
    const now = sceneOf(state);
    const then = sceneOf({ ...state, date: announcedDate });
    const changes: string[] = [];
    now.sites.forEach((f, i) => {
      const before = then.sites[i]?.state?.status ?? null;
      const after = f.state?.status ?? null;
      if (before !== after && after) {
        changes.push(t(lang, 'live.change', { name: f.name, status: t(lang, `status.${after}`) }));
      }
    });
    announcedDate = date;
    const phase = now.phase;
    region.textContent = t(lang, 'live.changed', {
      date: formatDate(lang, date),
      phase: phase ? phase.label[lang] : '',
      changes: changes.length ? `${changes.join('; ')}.` : t(lang, 'live.noChange'),
    });
  };
  const off = store.subscribe((s, p) => {
    if (s.date === p.date) return;
    window.clearTimeout(timer);
    timer = window.setTimeout(announce, settleMs);
  });
  return () => {
    off();
    window.clearTimeout(timer);
    region.remove();
  };
}
