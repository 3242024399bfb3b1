/** The details of the selected site: status at the date, position note, period history, sources as links. */
import type { AppData } from '../data/types.ts';
import { type Reveal, revealOnPage } from '../embed/reveal.ts';
import { t } from '../i18n/index.ts';
import type { SceneOf } from '../scene/scene.ts';
import { periodLine } from '../scene/status-text.ts';
import type { Store } from '../state/store.ts';
import { h } from './dom.ts';
import { indexSources, sourceItem } from './sources.ts';

/** Mounts the details panel; it shows while AppState.site is set. */
export function mountSiteDetails(
  parent: HTMLElement,
  data: AppData,
  store: Store,
  sceneOf: SceneOf,
  reveal: Reveal = revealOnPage,
): () => void {
  const root = h('section', { class: 'details', id: 'site-details', 'aria-labelledby': 'details-title' });
  root.hidden = true;
  parent.prepend(root);
  const sources = indexSources(data.sources);
  let opener: string | null = null;
  // The button that opened the details (a site in a list, or the map), to give focus back on close.
  let openerEl: HTMLElement | null = null;
  const close = () => {
    store.set({ site: null }, 'push');
    const back =
      (openerEl?.isConnected ? openerEl : null) ??
      (opener ? document.querySelector<HTMLElement>(`.site-list [data-site="${CSS.escape(opener)}"]`) : null);
    back?.focus();
  };
  // Escape anywhere in the details closes them (WAI-ARIA: a non-modal panel closes on Escape).
  root.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape' || root.hidden) return;
    e.preventDefault();
    e.stopPropagation();
    close();
  });

  const render = (focus: boolean) => {
    const state = store.get();
    const { site, lang } = state;
    const f = site ? data.presence.features.find((x) => x.id === site) : undefined;
    const here = site ? sceneOf(state).sites.find((x) => x.id === site) : undefined;
    if (!f || !here) {
      root.hidden = true;
      root.replaceChildren();
      return;
    }
    const p = f.properties;
    const closeButton = h('button', { type: 'button', class: 'tool close', 'aria-label': t(lang, 'site.close') }, '×');
    closeButton.addEventListener('click', close);
    const history = p.periods.map((per) => {
      const { span, state: words } = periodLine(lang, per);
      return h(
        'li',
        { 'data-current': String(per === here.state?.period) },
        h('strong', {}, `${span}: `),
        words,
        per.note ? h('div', {}, per.note[lang]) : null,
        h('div', {}, ...per.sources.map((id) => sourceItem(sources, id, lang))),
      );
    });
    const title = h('h2', { id: 'details-title', tabindex: '-1' }, p.name[lang]);
    // What was announced for the site beside what happened: the story of the transition, site by site.
    const deadlines = here.deadlines.length
      ? h(
          'section',
          { class: 'deadlines', 'data-testid': 'site-deadlines' },
          h('h3', {}, t(lang, 'deadline.title')),
          h(
            'ul',
            {},
            ...here.deadlines.map((d) =>
              h(
                'li',
                { 'data-state': d.state },
                h('strong', {}, d.line),
                h('div', { class: 'announcement' }, d.text),
                h('div', {}, ...d.sources.map((id) => sourceItem(sources, id, lang))),
              ),
            ),
          ),
        )
      : null;
    const parts: (Node | null)[] = [
      h('header', {}, title, closeButton),
      h('p', { 'data-testid': 'site-status' }, here.statusText),
      h(
        'dl',
        {},
        h('dt', {}, t(lang, 'site.operators')),
        h('dd', {}, p.operators[lang]),
        h('dt', {}, t(lang, `kind.${p.kind}`)),
        h('dd', {}, t(lang, `country.${p.country}`)),
        h('dt', {}, t(lang, `location.${p.location.precision}`)),
        h('dd', {}, p.location.note[lang]),
      ),
      p.summary ? h('p', {}, p.summary[lang]) : null,
      deadlines,
      h('h3', { class: 'visually-hidden' }, t(lang, 'site.history')),
      h('ol', { class: 'history' }, ...history),
    ];
    root.replaceChildren(...parts.filter((x): x is Node => x !== null));
    root.hidden = false;
    if (focus) {
      // The details can open far below the map (a phone, an embed): bring them into view with focus.
      title.focus({ preventScroll: true });
      reveal(root);
    }
  };

  render(false);
  const off = store.subscribe((s, prev) => {
    if (s.site !== prev.site) {
      if (s.site) {
        opener = s.site;
        const active = document.activeElement as HTMLElement | null;
        openerEl = active && active !== document.body && !root.contains(active) ? active : null;
      }
      render(s.site !== null);
    } else if (s.site && (s.date !== prev.date || s.lang !== prev.lang)) render(false);
  });
  return () => {
    off();
    root.remove();
  };
}
