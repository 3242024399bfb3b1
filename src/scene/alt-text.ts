/**
 * The written twin of the map: one paragraph from the scene, used as the SVG's <desc>, as the alt
 * text of the per-phase images and in the noscript fallback.
 */
import { type Lang, STATUSES, type Status } from '../data/schema.ts';
import { formatDate, t } from '../i18n/index.ts';
import type { Phase } from '../state/selectors.ts';
import type { SceneSite, SceneZone } from './scene.ts';
import { altDetail } from './status-text.ts';

const lists = new Map<Lang, Intl.ListFormat>();

/** "A, B and C" in the reader's language. */
function joinList(lang: Lang, items: string[]): string {
  let fmt = lists.get(lang);
  if (!fmt) {
    fmt = new Intl.ListFormat(lang, { style: 'long', type: 'conjunction' });
    lists.set(lang, fmt);
  }
  return fmt.format(items);
}

const SENTENCE = {
  present: 'alt.present',
  drawdown: 'alt.drawdown',
  withdrawn: 'alt.withdrawn',
  unknown: 'alt.unknown',
} as const satisfies Record<Status, string>;

/** Each site with a state at the date, grouped by status, as "Name (detail)" in file order. */
export function sitesByStatus(sites: readonly SceneSite[], lang: Lang): Record<Status, string[]> {
  const groups: Record<Status, string[]> = { present: [], drawdown: [], withdrawn: [], unknown: [] };
  for (const site of sites) {
    if (!site.state) continue;
    // A site whose reports stopped says so, not "since" the day after its last report.
    const detail = site.reportGap
      ? t(lang, 'site.gapShort', { date: formatDate(lang, site.lastReport) })
      : altDetail(lang, site.state);
    groups[site.state.status].push(detail ? t(lang, 'alt.item', { name: site.name, detail }) : site.name);
  }
  return groups;
}

/** A written description of the map at a date: phase, sites by status (with dates), and the zone's control. */
export function altText(scene: {
  date: string;
  lang: Lang;
  phase: Phase | null;
  sites: readonly SceneSite[];
  zone: SceneZone | null;
}): string {
  const { lang } = scene;
  const parts = [`${t(lang, 'map.label', { date: formatDate(lang, scene.date) })}.`];
  // Phase labels name themselves ("Phase 2: …", "Before the transition"): a "Phase:" lead-in would repeat it.
  if (scene.phase) parts.push(`${scene.phase.label[lang] || scene.phase.label.en}.`);
  const groups = sitesByStatus(scene.sites, lang);
  let any = false;
  for (const status of STATUSES) {
    const names = groups[status];
    if (names.length === 0) continue;
    any = true;
    parts.push(t(lang, SENTENCE[status], { sites: joinList(lang, names) }));
  }
  if (!any) parts.push(t(lang, 'alt.none'));
  if (scene.zone) parts.push(t(lang, 'alt.zone', { zone: scene.zone.name, control: scene.zone.sub }));
  return parts.join(' ');
}
