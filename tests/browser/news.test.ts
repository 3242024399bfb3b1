/**
 * The news as it stands, as a reader sees it: how current the facts are, "not known" after the last
 * report, the sites that are not on the map, announced deadlines beside what happened, "How we know"
 * and "Updates", on the built page with the live facts (these are the facts a reader gets).
 */
import { describe, expect, it } from 'vitest';
import { formatDate } from '../../src/i18n/index.ts';
import { lastDayOf } from '../../src/state/announcements.ts';
import { liveData } from '../support/live-data.ts';
import { open, waitReady } from './browser.ts';
import { useSite } from './fixture.ts';

const site = useSite();
const data = liveData();
const { timeline } = data;
const sourcesOfAnnouncements = (id: string) =>
  timeline.announcements.filter((a) => a.sites.includes(id)).reduce((n, a) => n + a.sources.length, 0);

describe('the news as it stands', () => {
  it('says how current the facts are in the header and the legend, in the reader’s language', async () => {
    const p = await open(site.browser, `${site.server.url}?static=1`);
    await waitReady(p.page);
    const asOf = formatDate('en', timeline.asOf);
    expect(await p.page.textContent('#as-of')).toContain(`Facts as of ${asOf}`);
    expect(await p.page.textContent('#as-of')).toContain(
      `No reports on the sites found after ${formatDate('en', timeline.reportingEnds)}`,
    );
    expect(await p.page.textContent('[data-testid=legend-as-of]')).toBe(`Facts as of ${asOf}.`);
    await p.page.goto(`${site.server.url}?static=1&lang=de`);
    await waitReady(p.page);
    expect(await p.page.textContent('[data-testid=legend-as-of]')).toBe(
      `Stand der Fakten: ${formatDate('de', timeline.asOf)}.`,
    );
    expect(p.errors).toEqual([]);
    await p.close();
  });

  it('counts present and drawing down as "not known" after the last report, and draws that stretch on the slider', async () => {
    const p = await open(site.browser, `${site.server.url}?static=1&date=2026-11-24`);
    await waitReady(p.page);
    const count = (s: string) => p.page.textContent(`.legend li[data-status=${s}] .count`);
    expect(await count('present')).toBe('not known');
    expect(await count('drawdown')).toBe('not known');
    expect(Number(await count('withdrawn'))).toBeGreaterThan(0);
    expect(await p.page.textContent('[data-testid=legend-note]')).toContain('No reports on the sites found after');
    expect(await p.page.locator('[data-testid=no-reports]').count()).toBe(1);
    // Before the last report the counts are numbers again.
    await p.page.goto(`${site.server.url}?static=1&date=${timeline.defaultDate}`);
    await waitReady(p.page);
    expect(await count('present')).toMatch(/^\d+$/);
    await p.close();
  });

  it('lists every site with no sourced position under "Not on the map", and each opens its details', async () => {
    const p = await open(site.browser, `${site.server.url}?static=1&date=${timeline.defaultDate}`);
    await waitReady(p.page);
    const unplaced = data.presence.features.filter((f) => f.geometry === null).map((f) => f.id);
    const listed = await p.page.$$eval('[data-testid=unplaced] [data-site]', (els) =>
      els.map((e) => (e as HTMLElement).dataset.site),
    );
    expect(listed.length).toBeGreaterThan(0);
    for (const id of listed) expect(unplaced).toContain(id);
    // And none of them is in the list of the sites on the map.
    const onMap = await p.page.$$eval('section.sites button[data-site]', (els) =>
      els.map((e) => (e as HTMLElement).dataset.site),
    );
    for (const id of unplaced) expect(onMap).not.toContain(id);
    await p.page.click(`[data-testid=unplaced] [data-site="${listed[0]}"]`);
    await p.page.waitForSelector('#site-details:not([hidden])');
    await p.close();
  });

  it('sets the announced deadline beside what happened, in the details, the callout and on the slider', async () => {
    const p = await open(site.browser, `${site.server.url}?static=1&site=ain-al-asad`);
    await waitReady(p.page);
    const line = 'Announced: by 30 September 2025 · left 17 January 2026, 109 days later';
    expect(await p.page.textContent('[data-testid=site-deadlines]')).toContain(line);
    expect(await p.page.textContent('[data-testid=ain-deadline]')).toBe(line);
    const marks = await p.page.$$eval('.deadline-mark', (els) => els.map((e) => (e as HTMLElement).dataset.date));
    const expected = timeline.announcements
      .map((a) => lastDayOf(a.by, a.byPrecision))
      .filter((d) => d >= timeline.range.start && d <= timeline.range.end);
    expect(marks).toEqual(expected);
    // The table sets it beside the site too, with the announcement's sources.
    await p.page.click('#map-tools [aria-controls=site-table]');
    const cell = p.page.locator('#site-table tr[data-site="ain-al-asad"] td').nth(4);
    expect(await cell.textContent()).toContain(line);
    expect(await cell.locator('.src').count()).toBe(sourcesOfAnnouncements('ain-al-asad'));
    await p.page.click('#map-tools [aria-controls=site-table]');
    // A mark moves the slider to its deadline.
    await p.page.click(`.deadline-mark[data-date="${expected[0]}"]`);
    await p.page.waitForFunction((d) => document.documentElement.dataset.date === d, expected[0]);
    await p.close();
  });

  it('"How we know" opens by keyboard, closes with Escape, lists the sources, and prints open', async () => {
    const p = await open(site.browser, `${site.server.url}?static=1`);
    await waitReady(p.page);
    const body = '#how-we-know-body';
    expect(await p.page.isHidden(body)).toBe(true);
    await p.page.focus('#how-we-know button');
    await p.page.keyboard.press('Enter');
    expect(await p.page.isVisible(body)).toBe(true);
    expect(await p.page.textContent(body)).toContain('A official statement or wire agency');
    // The sources of the statuses shown, with copies flagged as copies.
    expect(await p.page.locator(`${body} .print-sources li`).count()).toBeGreaterThan(5);
    const copies = data.sources.sources.filter((s) => s.copy).length;
    if (copies > 0) expect(await p.page.locator(`${body} .src[data-copy=true]`).count()).toBeGreaterThan(0);
    await p.page.focus(`${body} a`);
    await p.page.keyboard.press('Escape');
    expect(await p.page.isHidden(body)).toBe(true);
    expect(await p.page.evaluate(() => document.activeElement?.closest('#how-we-know') !== null)).toBe(true);
    await p.page.emulateMedia({ media: 'print' });
    expect(await p.page.isVisible(`${body} .how-text`)).toBe(true);
    await p.close();
  });

  it('shows the Updates, newest first, on the page and in the embed', async () => {
    for (const q of ['?static=1', '?static=1&embed=1']) {
      const p = await open(site.browser, `${site.server.url}${q}`);
      await waitReady(p.page);
      await p.page.click('#updates button');
      const dates = await p.page.$$eval('.updates-list time', (els) => els.map((e) => e.getAttribute('datetime')));
      expect(dates).toEqual(timeline.changes.map((c) => c.date));
      expect(await p.page.isVisible('#how-we-know button')).toBe(true);
      await p.close();
    }
  });
});
