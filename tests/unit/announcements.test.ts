/** Announced against actual (src/state/announcements.ts) on small inline facts, then on the real ones. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { reportingEndsFor } from '../../src/data/freshness.ts';
import type { Announcement, Period, SiteFeature, TimelineFile } from '../../src/data/schema.ts';
import { validateFile } from '../../src/data/validate.ts';
import { announcementsFor, lastDayOf, outcomeFor, outcomesFor } from '../../src/state/announcements.ts';

const text = { en: 't', de: 't', fr: 't', ar: 't' };
const period = (
  start: string,
  end: string | undefined,
  status: Period['status'],
  extra: Partial<Period> = {},
): Period => ({
  start,
  ...(end === undefined ? {} : { end }),
  status,
  basis: 'reported',
  sources: ['s'],
  ...extra,
});
const siteWith = (periods: Period[]): SiteFeature => ({
  type: 'Feature',
  id: 'base',
  geometry: null,
  properties: {
    id: 'base',
    name: text,
    country: 'IQ',
    kind: 'airbase',
    operators: text,
    location: { precision: 'unknown', note: text },
    periods,
  },
});
const announced = (by: string, extra: Partial<Announcement> = {}): Announcement => ({
  id: 'a',
  sites: ['base'],
  announced: '2024-09-27',
  by,
  text,
  sources: ['s'],
  ...extra,
});

describe('lastDayOf', () => {
  it('is the day itself, or the end of the month or year', () => {
    expect(lastDayOf('2025-09-30')).toBe('2025-09-30');
    expect(lastDayOf('2026-09-01', 'month')).toBe('2026-09-30');
    expect(lastDayOf('2024-02-01', 'month')).toBe('2024-02-29');
    expect(lastDayOf('2025-12-01', 'month')).toBe('2025-12-31');
    expect(lastDayOf('2025-01-01', 'year')).toBe('2025-12-31');
  });
});

describe('outcomeFor', () => {
  it('counts the days from the deadline to the start of the withdrawal (positive = later)', () => {
    const site = siteWith([
      period('2024-01-01', '2025-07-31', 'present'),
      period('2025-08-01', '2026-01-16', 'drawdown', { startPrecision: 'month' }),
      period('2026-01-17', undefined, 'withdrawn', { basis: 'confirmed' }),
    ]);
    const o = outcomeFor(site, announced('2025-09-30'));
    expect(o).toMatchObject({ deadline: '2025-09-30', days: 109, state: 'left', daysRange: { min: 109, max: 109 } });
    expect(o.actual).toMatchObject({ date: '2026-01-17', precision: 'day', basis: 'confirmed', alreadyLeft: false });
    expect(outcomeFor(site, announced('2026-01-17')).days).toBe(0);
    expect(outcomeFor(site, announced('2026-01-27')).days).toBe(-10);
  });

  it('reads a month deadline as its last day', () => {
    const site = siteWith([
      period('2024-01-01', '2026-09-14', 'present'),
      period('2026-09-15', undefined, 'withdrawn'),
    ]);
    const o = outcomeFor(site, announced('2026-09-01', { byPrecision: 'month' }));
    expect(o.deadline).toBe('2026-09-30');
    expect(o.days).toBe(-15);
  });

  it('gives no exact days for a month-precise withdrawal, only the range', () => {
    const site = siteWith([
      period('2024-01-01', '2025-04-30', 'present'),
      period('2025-05-01', undefined, 'withdrawn', { startPrecision: 'month' }),
    ]);
    const o = outcomeFor(site, announced('2025-05-15'));
    expect(o.days).toBeNull();
    expect(o.daysRange).toEqual({ min: -14, max: 16 });
    expect(o.actual?.precision).toBe('month');
  });

  it('uses the withdrawal already in force on the day of the announcement', () => {
    const site = siteWith([
      period('2024-01-01', '2025-09-14', 'present'),
      period('2025-09-15', '2025-11-26', 'withdrawn'),
      period('2025-11-27', undefined, 'unknown'),
    ]);
    const o = outcomeFor(site, announced('2025-12-31', { announced: '2025-09-30' }));
    expect(o.actual).toMatchObject({ date: '2025-09-15', alreadyLeft: true });
    expect(o.days).toBe(-107);
  });

  it('ignores a withdrawal that ended before the announcement', () => {
    const site = siteWith([
      period('2024-01-01', '2024-05-31', 'withdrawn'),
      period('2024-06-01', undefined, 'present'),
    ]);
    expect(outcomeFor(site, announced('2025-09-30')).actual).toBeNull();
  });

  it('says unknown when nothing is reported, and not-left when the site was still reported there after the deadline', () => {
    const unknown = siteWith([
      period('2024-01-01', '2026-03-12', 'present'),
      period('2026-03-13', undefined, 'unknown'),
    ]);
    expect(outcomeFor(unknown, announced('2026-09-01', { byPrecision: 'month' }))).toMatchObject({
      actual: null,
      days: null,
      daysRange: null,
      state: 'unknown',
    });
    const late = siteWith([period('2024-01-01', '2026-03-12', 'present'), period('2026-03-13', undefined, 'unknown')]);
    expect(outcomeFor(late, announced('2025-12-31'), '2026-03-12').state).toBe('not-left');
    // Reporting that stops before the deadline cannot show a missed deadline.
    expect(outcomeFor(late, announced('2025-12-31'), '2025-12-01').state).toBe('unknown');
  });
});

describe('announcementsFor', () => {
  it('lists the announcements that name the site', () => {
    const timeline = {
      announcements: [announced('2025-09-30'), announced('2026-01-01', { id: 'b', sites: ['other'] })],
    } as unknown as TimelineFile;
    expect(announcementsFor(timeline, 'base').map((a) => a.id)).toEqual(['a']);
    expect(announcementsFor(timeline, 'none')).toEqual([]);
  });
});

describe('on the real facts', () => {
  const readJson = (name: string): unknown =>
    JSON.parse(readFileSync(new URL(`../../public/geo/${name}`, import.meta.url), 'utf8'));
  const data = {
    presence: validateFile('coalition-presence.geojson', readJson('coalition-presence.geojson')),
    timeline: validateFile('timeline.json', readJson('timeline.json')),
  };
  const outcomes = (id: string) => outcomesFor(data, id, reportingEndsFor(data, id));

  it('Ain al-Asad left 109 days after the phase-1 deadline and 17 days after the end of 2025', () => {
    const [phase1, federal] = outcomes('ain-al-asad');
    expect(phase1).toMatchObject({ deadline: '2025-09-30', days: 109, state: 'left' });
    expect(phase1?.actual?.date).toBe('2026-01-17');
    expect(federal).toMatchObject({ deadline: '2025-12-31', days: 17 });
  });

  it('the Syria and phase-2 outcomes are unknown, not zero', () => {
    for (const id of ['qasrak', 'rmelan-kharab-al-jir', 'erbil-air-base', 'harir-air-base']) {
      for (const o of outcomes(id))
        expect(o, `${id} / ${o.announcement.id}`).toMatchObject({ days: null, state: 'unknown' });
    }
  });

  it('every announcement has a site with an outcome', () => {
    for (const a of data.timeline.announcements) {
      for (const id of a.sites)
        expect(
          outcomes(id).some((o) => o.announcement.id === a.id),
          `${a.id} ${id}`,
        ).toBe(true);
    }
  });
});
