/**
 * The pure selectors on the frozen fixture data (tests/fixtures/data: five sites, the four phases, the
 * zone), so an editor's change to the live facts never breaks them; one smoke test runs them on the
 * live facts in public/geo/.
 */
import { describe, expect, it } from 'vitest';
import type { SiteFeature } from '../../src/data/schema.ts';
import { periodAt } from '../../src/data/periods.ts';
import { countsByStatus, eventsNear, phaseAt, sitesAt, statusAt, troopsAt, zoneAt } from '../../src/state/selectors.ts';
import { loadFixtureData } from '../fixtures/data/index.ts';
import { liveData } from '../support/live-data.ts';

const { presence, timeline, zone: zoneFile } = loadFixtureData();

const site = (id: string): SiteFeature => {
  const f = presence.features.find((x) => x.id === id);
  if (!f) throw new Error(`no site ${id}`);
  return f;
};
const zone = zoneFile.features.find((f) => f.id === 'ne-syria-threat-zone')!;
const camp = zoneFile.features.find((f) => f.id === 'al-hol-camp')!;

describe('periodAt', () => {
  const periods = [
    { start: '2025-01-01', end: '2025-01-31', v: 'a' },
    { start: '2025-02-01', v: 'b' },
  ];

  it('includes both ends and treats a missing end as open', () => {
    expect(periodAt(periods, '2024-12-31')).toBeNull();
    expect(periodAt(periods, '2025-01-01')?.v).toBe('a');
    expect(periodAt(periods, '2025-01-31')?.v).toBe('a');
    expect(periodAt(periods, '2025-02-01')?.v).toBe('b');
    expect(periodAt(periods, '2099-01-01')?.v).toBe('b');
  });

  it('returns null in a gap', () => {
    expect(periodAt([{ start: '2025-01-01', end: '2025-01-02' }, { start: '2025-01-05' }], '2025-01-03')).toBeNull();
  });
});

describe('statusAt', () => {
  const cases: [string, string, string][] = [
    ['ain-al-asad', '2025-07-31', 'present'],
    ['ain-al-asad', '2025-08-01', 'drawdown'],
    ['ain-al-asad', '2026-01-16', 'drawdown'],
    ['ain-al-asad', '2026-01-17', 'withdrawn'],
    ['ain-al-asad', '2026-01-18', 'withdrawn'],
    ['al-tanf', '2026-02-10', 'present'],
    ['al-tanf', '2026-02-11', 'withdrawn'],
    ['al-tanf', '2026-02-12', 'withdrawn'],
    ['qasrak', '2026-02-22', 'present'],
    ['qasrak', '2026-02-23', 'drawdown'],
    ['qasrak', '2026-03-10', 'unknown'],
    ['erbil-air-base', '2026-03-12', 'present'],
    ['erbil-air-base', '2026-03-13', 'unknown'],
    ['erbil-air-base', '2026-11-15', 'unknown'],
    ['muwaffaq-salti', '2026-03-01', 'present'],
    ['muwaffaq-salti', '2026-03-02', 'unknown'],
  ];
  for (const [id, date, status] of cases) {
    it(`${id} is ${status} on ${date}`, () => {
      expect(statusAt(site(id), date)?.status).toBe(status);
    });
  }

  it('gives basis, since and the period in force', () => {
    const st = statusAt(site('ain-al-asad'), '2026-01-18');
    expect(st).toMatchObject({ status: 'withdrawn', basis: 'confirmed', since: '2026-01-17' });
    expect(st?.period.sources).toContain('ap-independent-2026-01-17');
    expect(statusAt(site('ain-al-asad'), '2025-09-01')?.period.startPrecision).toBe('month');
  });

  it('is null before the first period', () => {
    expect(statusAt(site('ain-al-asad'), '2023-12-31')).toBeNull();
  });
});

describe('phaseAt', () => {
  const cases: [string, string | null][] = [
    ['2024-08-31', null],
    ['2024-09-01', 'before'],
    ['2024-09-26', 'before'],
    ['2024-09-27', 'phase-1'],
    ['2025-09-30', 'phase-1'],
    ['2025-10-01', 'phase-2'],
    ['2026-09-30', 'phase-2'],
    ['2026-10-01', 'after'],
    ['2026-12-31', 'after'],
  ];
  for (const [date, id] of cases) {
    it(`${date} is in ${id ?? 'no phase'}`, () => {
      expect(phaseAt(timeline, date)?.id ?? null).toBe(id);
    });
  }
});

describe('sitesAt and countsByStatus', () => {
  it('list only sites with a period on the date, with or without a position', () => {
    expect(sitesAt(presence, '2020-01-01').map((s) => s.site.id)).toEqual(['al-tanf']);
    expect(sitesAt(presence, '2025-01-15').map((s) => s.site.id)).toEqual([
      'ain-al-asad',
      'erbil-air-base',
      'al-tanf',
      'qasrak',
      'muwaffaq-salti',
    ]);
  });

  it('count every site once by status', () => {
    expect(countsByStatus(presence, '2025-01-15')).toEqual({ present: 5, drawdown: 0, withdrawn: 0, unknown: 0 });
    expect(countsByStatus(presence, '2026-02-12')).toEqual({ present: 3, drawdown: 0, withdrawn: 2, unknown: 0 });
    expect(countsByStatus(presence, '2026-03-13')).toEqual({ present: 0, drawdown: 0, withdrawn: 2, unknown: 3 });
  });
});

describe('zoneAt', () => {
  it('follows the zone from SDF to contested to government', () => {
    expect(zoneAt(zone, '2025-06-01')?.control).toBe('sdf');
    expect(zoneAt(zone, '2026-01-05')?.control).toBe('sdf');
    expect(zoneAt(zone, '2026-01-06')?.control).toBe('contested');
    expect(zoneAt(zone, '2026-01-29')?.control).toBe('contested');
    expect(zoneAt(zone, '2026-01-30')).toMatchObject({ control: 'government', since: '2026-01-30' });
    expect(zoneAt(zone, '2024-08-31')).toBeNull();
  });

  it('hands the al-Hol camp over on 21 Jan 2026', () => {
    expect(zoneAt(camp, '2026-01-20')?.control).toBe('sdf');
    expect(zoneAt(camp, '2026-01-21')?.control).toBe('government');
  });
});

describe('eventsNear', () => {
  it('includes events exactly `days` away and sorts by date', () => {
    expect(eventsNear(timeline, '2026-01-17', 1).map((e) => e.id)).toEqual(['ain-al-asad-handover']);
    expect(eventsNear(timeline, '2026-01-19', 2).map((e) => e.id)).toEqual(['ain-al-asad-handover', 'al-hol-takeover']);
    expect(eventsNear(timeline, '2026-01-19', 1)).toEqual([]);
    expect(eventsNear(timeline, '2026-06-15', 10)).toEqual([]);
    const dates = eventsNear(timeline, '2026-02-15', 30).map((e) => e.date);
    expect(dates).toEqual(['2026-01-17', '2026-01-21', '2026-02-11', '2026-02-23']);
  });
});

describe('troopsAt', () => {
  it('gives the latest figure on or before the date', () => {
    expect(troopsAt(timeline, '2024-12-18', 'SY')).toBeNull();
    expect(troopsAt(timeline, '2024-12-19', 'SY')?.value).toBe(2000);
    expect(troopsAt(timeline, '2026-02-23', 'SY')?.value).toBe(1000);
    expect(troopsAt(timeline, '2025-10-01', 'IQ')?.value).toBe(2500);
    expect(troopsAt(timeline, '2010-01-01', 'IQ')).toBeNull();
    expect(troopsAt(timeline, '2026-11-15', 'KRI')).toBeNull();
  });

  it('says unknown (a null value) once the sources stop', () => {
    const t = troopsAt(timeline, '2026-11-15', 'SY');
    expect(t?.value).toBeNull();
    expect(t?.text.en).toMatch(/^Unknown/);
  });
});

describe('smoke test on the live facts (public/geo/)', () => {
  const live = liveData();
  it('every date of the range has a phase, and every listed site a status that the counts add up', () => {
    for (const date of [
      live.timeline.range.start,
      live.timeline.defaultDate ?? live.timeline.range.end,
      live.timeline.range.end,
    ]) {
      expect(phaseAt(live.timeline, date), date).not.toBeNull();
      const listed = sitesAt(live.presence, date);
      const counts = countsByStatus(live.presence, date);
      expect(counts.present + counts.drawdown + counts.withdrawn + counts.unknown, date).toBe(listed.length);
    }
    expect(sitesAt(live.presence, live.timeline.defaultDate ?? live.timeline.range.end).length).toBeGreaterThan(5);
  });
});
