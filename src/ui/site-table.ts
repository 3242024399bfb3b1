/** The text twin: a table of every site and its status at the date, in sync with the slider. */
import type { AppData } from '../data/types.ts';
import { type Reveal, revealOnPage } from '../embed/reveal.ts';
import { formatDate, t } from '../i18n/index.ts';
import type { SceneOf } from '../scene/scene.ts';
import { gapSub, sinceText } from '../scene/status-text.ts';
import type { Store } from '../state/store.ts';
import { onCompactChange, toolName } from './compact.ts';
import { h, setAttr } from './dom.ts';
import { indexSources, sourceItem } from './sources.ts';

export interface SiteTable {
  element: HTMLElement;
  toggle: HTMLButtonElement;
  destroy(): void;
}

/** Builds the table and its "Show as table" toggle. */
export function createSiteTable(
  data: AppData,
  store: Store,
  sceneOf: SceneOf,
  reveal: Reveal = revealOnPage,
): SiteTable {
  // Focusable (not in the tab order) so that opening the table can move the reader to it: on wide
  // screens it covers the map, far from its place in the tab order.
  const wrap = h('section', {
    class: 'table-wrap',
    id: 'site-table',
    tabindex: '-1',
    'aria-labelledby': 'site-table-caption',
  });
  wrap.hidden = true;
  const toggle = h('button', {
    type: 'button',
    class: 'tool',
    'aria-controls': 'site-table',
    'aria-expanded': 'false',
  });
  const sources = indexSources(data.sources);
  let lastKey = '';

  const render = () => {
    const { date, lang } = store.get();
    // Where the map is narrow the button shows "Table"; its pressed look (aria-expanded) says whether it is open.
    toolName(toggle, wrap.hidden ? t(lang, 'table.show') : t(lang, 'table.hide'), t(lang, 'tools.table'));
    setAttr(toggle, 'aria-expanded', String(!wrap.hidden));
    if (wrap.hidden) return;
    const key = `${lang}|${date}`;
    if (key === lastKey) return;
    lastKey = key;
    const head = [
      'table.site',
      'table.country',
      'table.status',
      'table.since',
      'table.basis',
      'table.deadline',
      'table.sources',
    ] as const;
    const rangeStart = data.timeline.range.start;
    const rows = sceneOf(store.get()).sites.map((f) => {
      const st = f.state;
      return h(
        'tr',
        { 'data-site': f.id },
        h('th', { scope: 'row' }, f.name, f.position ? null : h('div', { class: 'src' }, t(lang, 'site.notMapped'))),
        h('td', {}, t(lang, `country.${f.country}`)),
        h('td', {}, st ? t(lang, `status.${st.status}`) : t(lang, 'status.none')),
        h('td', {}, f.reportGap ? gapSub(lang, f.lastReport) : st ? sinceText(lang, st, rangeStart) : '–'),
        h('td', {}, st ? t(lang, `basis.${st.basis}`) : '–'),
        // Each deadline with the sources of its announcement: an announcement is a fact like any other.
        h(
          'td',
          {},
          ...(f.deadlines.length
            ? f.deadlines.map((d) =>
                h('div', {}, d.line, ...d.sources.map((id) => h('div', {}, sourceItem(sources, id, lang)))),
              )
            : ['–']),
        ),
        h('td', {}, ...(st?.period.sources ?? []).map((id) => h('div', {}, sourceItem(sources, id, lang)))),
      );
    });
    wrap.replaceChildren(
      h(
        'table',
        {},
        h('caption', { id: 'site-table-caption' }, t(lang, 'table.caption', { date: formatDate(lang, date) })),
        h('thead', {}, h('tr', {}, ...head.map((k) => h('th', { scope: 'col' }, t(lang, k))))),
        h('tbody', {}, ...rows),
      ),
    );
  };
  toggle.addEventListener('click', () => {
    wrap.hidden = !wrap.hidden;
    lastKey = '';
    render();
    if (!wrap.hidden) {
      wrap.focus({ preventScroll: true });
      reveal(wrap);
    }
  });
  // Esc closes the table and hands focus back to its toggle.
  wrap.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    wrap.hidden = true;
    render();
    toggle.focus();
  });
  render();
  const off = store.subscribe(render);
  const offCompact = onCompactChange(render);
  return {
    element: wrap,
    toggle,
    destroy: () => {
      off();
      offCompact();
    },
  };
}
