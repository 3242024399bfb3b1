/** The phase's summary, the dated events near the date, and the latest troop figures. */
import type { AppData } from '../data/types.ts';
import { formatDate, formatNumber, t } from '../i18n/index.ts';
import { eventsNear, phaseAt, troopsAt } from '../state/selectors.ts';
import type { Store } from '../state/store.ts';
import { h } from './dom.ts';

const NEAR_DAYS = 62;

/** Mounts the phase panel into parent; returns an unmount function. */
export function mountPhasePanel(parent: HTMLElement, data: AppData, store: Store): () => void {
  const root = h('section', { class: 'phase-panel', 'aria-labelledby': 'phase-title' });
  parent.append(root);
  let lastKey = '';
  const render = () => {
    const { date, lang } = store.get();
    const phase = phaseAt(data.timeline, date);
    const events = eventsNear(data.timeline, date, NEAR_DAYS);
    const troops = (['IQ', 'SY'] as const).map((c) => {
      const tr = troopsAt(data.timeline, date, c);
      const country = t(lang, `country.${c}`);
      if (!tr) return { line: t(lang, 'panel.troopsUnknown', { country, date: formatDate(lang, date) }) };
      const when = formatDate(lang, tr.date, tr.datePrecision ?? 'day');
      const line =
        tr.value === null
          ? t(lang, 'panel.troopsUnknown', { country, date: when })
          : t(lang, 'panel.troopsValue', { country, value: formatNumber(lang, tr.value), date: when });
      return { line, title: tr.text[lang] };
    });
    // Rebuilt only when something it shows changed, not on every slider step (issue 8).
    const key = `${lang}|${phase?.id}|${events.map((e) => e.id).join(',')}|${troops.map((x) => x.line).join('|')}`;
    if (key === lastKey) return;
    lastKey = key;
    const troopLines = troops.map(({ line, title }) => h('li', { title }, line));
    root.replaceChildren(
      h('h2', { id: 'phase-title' }, t(lang, 'panel.phase')),
      h('p', {}, h('strong', {}, phase ? phase.label[lang] : ''), phase ? ` ${phase.summary[lang]}` : ''),
      h('h2', {}, t(lang, 'panel.troops')),
      h('ul', { class: 'events' }, ...troopLines),
      h('h2', {}, t(lang, 'panel.events')),
      events.length
        ? h(
            'ul',
            { class: 'events' },
            ...events.map((e) =>
              h(
                'li',
                {},
                h('time', { datetime: e.date }, formatDate(lang, e.date, e.datePrecision ?? 'day')),
                e.title[lang],
              ),
            ),
          )
        : h('p', {}, t(lang, 'panel.noEvents')),
    );
  };
  render();
  const off = store.subscribe(render);
  return () => {
    off();
    root.remove();
  };
}
