/**
 * A polite live region: after the slider settles it announces the date, the phase and which sites
 * changed status, so a screen-reader user hears what the sighted reader sees change.
 */
import type { AppData } from '../data/types.ts';
import { formatDate, t } from '../i18n/index.ts';
import { phaseAt, statusAt } from '../state/selectors.ts';
import type { Store } from '../state/store.ts';
import { h } from './dom.ts';

/** Mounts the live region; returns an unmount function. */
export function mountLiveRegion(parent: HTMLElement, data: AppData, store: Store, settleMs = 700): () => void {
  const region = h('div', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite', id: 'live' });
  parent.append(region);
  let timer: number | undefined;
  let announcedDate = store.get().date;

  const announce = () => {
    const { date, lang } = store.get();
    if (date === announcedDate) return;
    const changes: string[] = [];
    for (const f of data.presence.features) {
      const before = statusAt(f, announcedDate)?.status ?? null;
      const after = statusAt(f, date)?.status ?? null;
      if (before !== after && after) {
        changes.push(t(lang, 'live.change', { name: f.properties.name[lang], status: t(lang, `status.${after}`) }));
      }
    }
    announcedDate = date;
    const phase = phaseAt(data.timeline, date);
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
