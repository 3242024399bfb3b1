/**
 * The keyboard as a reader uses it: the tab order follows the screen (toolbar, map, slider, then the
 * panels), Page Up and Page Down do what the help says, and Escape closes a site's details.
 */
import { describe, expect, it } from 'vitest';
import { jumpMilestone, milestoneDates } from '../../src/timeline/milestones.ts';
import { liveData } from '../support/live-data.ts';
import { open, waitReady } from './browser.ts';
import { useSite } from './fixture.ts';

const site = useSite();
const { timeline } = liveData();

describe('the keyboard', () => {
  it('tabs through the toolbar first, then the map, then the slider, and only then the site buttons', async () => {
    const p = await open(site.browser, `${site.server.url}?static=1`);
    await waitReady(p.page);
    const stops: string[] = [];
    for (let i = 0; i < 40; i++) {
      await p.page.keyboard.press('Tab');
      stops.push(
        await p.page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          if (!el) return '';
          if (el.id === 'date-slider') return 'slider';
          if (el.closest('#map-tools')) return 'toolbar';
          if (el.closest('.site-list')) return 'site';
          return el.closest('#map') ? 'map' : 'other';
        }),
      );
    }
    const first = (k: string) => stops.indexOf(k);
    expect(first('toolbar')).toBe(0);
    expect(first('slider')).toBeGreaterThan(first('toolbar'));
    expect(first('site')).toBeGreaterThan(first('slider'));
    await p.close();
  });

  it('Page Up goes to the next milestone and Page Down to the previous one, as the help says', async () => {
    const start = timeline.defaultDate!;
    const p = await open(site.browser, `${site.server.url}?static=1&date=${start}`);
    await waitReady(p.page);
    expect(await p.page.textContent('#slider-help')).toContain('Page Up / Page Down: next / previous milestone');
    const ms = milestoneDates(timeline);
    await p.page.focus('#date-slider');
    await p.page.keyboard.press('PageUp');
    const next = jumpMilestone(start, 1, ms, timeline.range);
    await p.page.waitForFunction((d) => document.documentElement.dataset.date === d, next);
    await p.page.keyboard.press('PageDown');
    const back = jumpMilestone(next, -1, ms, timeline.range);
    await p.page.waitForFunction((d) => document.documentElement.dataset.date === d, back);
    expect(back < next).toBe(true);
    await p.close();
  });

  it('Escape closes a site’s details and gives focus back to the button that opened them', async () => {
    const p = await open(site.browser, `${site.server.url}?static=1`);
    await waitReady(p.page);
    const button = 'section.sites button[data-site="erbil-air-base"]';
    await p.page.focus(button);
    await p.page.keyboard.press('Enter');
    await p.page.waitForSelector('#site-details:not([hidden])');
    // Focus is on the details' title; Escape from there closes them.
    await p.page.keyboard.press('Escape');
    await p.page.waitForSelector('#site-details', { state: 'hidden' });
    expect(await p.page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.site)).toBe(
      'erbil-air-base',
    );
    // The URL follows once the value has rested (ui/history-sync.ts REPLACE_INTERVAL_MS), not in the same task.
    await p.page.waitForFunction(() => !new URLSearchParams(location.search).has('site'));
    expect(new URL(p.page.url()).searchParams.get('site')).toBe(null);
    await p.close();
  });
});
