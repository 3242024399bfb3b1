/** How current the facts are (src/data/freshness.ts) and the named rules that keep the first view honest. */
import { describe, expect, it } from 'vitest';
import { liveData } from '../support/live-data.ts';
import { checkConsistency } from '../../src/data/consistency.ts';
import { asOf, isAfterReporting, reportingEndsFor, unknownAt } from '../../src/data/freshness.ts';
import { addDays } from '../../src/data/dates.ts';
import { statusAt } from '../../src/state/selectors.ts';

const withRule = (problems: string[], rule: string) => problems.filter((p) => p.includes(`(rule ${rule}:`));

describe('freshness helpers', () => {
  const data = liveData();

  it('give the day the facts were checked and the end of the reporting, per site when known', () => {
    expect(asOf(data)).toBe('2026-12-02');
    expect(reportingEndsFor(data)).toBe('2026-03-20');
    expect(reportingEndsFor(data, 'erbil-air-base')).toBe('2026-03-12');
    expect(reportingEndsFor(data, 'no-such-site')).toBe('2026-03-20');
    const noOwn = structuredClone(data);
    delete noOwn.presence.features[0]!.properties.reportingEnds;
    expect(reportingEndsFor(noOwn, noOwn.presence.features[0]!.id)).toBe('2026-03-20');
  });

  it('tell whether a date is after the reporting ended', () => {
    expect(isAfterReporting(data, '2026-03-20')).toBe(false);
    expect(isAfterReporting(data, '2026-03-21')).toBe(true);
    expect(isAfterReporting(data, '2026-03-13', 'erbil-air-base')).toBe(true);
    expect(isAfterReporting(data, '2026-03-12', 'erbil-air-base')).toBe(false);
  });

  it('count sites that are unknown or have no period', () => {
    const { unknown, total } = unknownAt(data.presence, '2026-11-24');
    expect(total).toBe(data.presence.features.length);
    expect(unknown * 2).toBeGreaterThan(total);
    expect(unknownAt(data.presence, '2025-01-15').unknown).toBeLessThan(total / 2);
  });
});

describe('the real timeline', () => {
  const data = liveData();
  const { timeline, presence } = data;

  it('opens on a date on which most sites are known, within the reporting', () => {
    const date = timeline.defaultDate!;
    expect(date <= timeline.reportingEnds).toBe(true);
    const { unknown, total } = unknownAt(presence, date);
    expect(unknown * 2).toBeLessThanOrEqual(total);
  });

  it('gives every site a last report, after which it is unknown or stays withdrawn', () => {
    for (const f of presence.features) {
      const ends = f.properties.reportingEnds;
      expect(ends, f.id).toBeDefined();
      expect(['unknown', 'withdrawn'], f.id).toContain(statusAt(f, addDays(ends!, 1))?.status);
    }
  });

  it('lists the changes newest first, the newest on the day the facts were checked', () => {
    const dates = timeline.changes.map((c) => c.date);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(dates[0]).toBe(timeline.asOf);
  });
});

describe('the named rules', () => {
  it('default-date-known: refuses a first view on which most sites are unknown', () => {
    const data = liveData();
    data.timeline.defaultDate = '2026-11-24';
    const problems = withRule(checkConsistency(data), 'default-date-known');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^timeline\.json: defaultDate: \d+ of \d+ sites are unknown or have no period on 2026-11-24; .* \(rule default-date-known: defaultDate must not be a date on which more than half of the sites have status unknown or no period\)$/,
    );
  });

  it('default-date-in-range, reporting-ends-by-as-of and site-reporting-ends', () => {
    const data = liveData();
    data.timeline.defaultDate = '2030-01-01';
    data.timeline.reportingEnds = '2026-12-10';
    data.presence.features[1]!.properties.reportingEnds = '2026-12-20';
    const problems = checkConsistency(data);
    expect(withRule(problems, 'default-date-in-range')).toHaveLength(1);
    expect(withRule(problems, 'reporting-ends-by-as-of')[0]).toContain(
      'timeline.json: reportingEnds: 2026-12-10 is after asOf 2026-12-02',
    );
    expect(withRule(problems, 'site-reporting-ends')[0]).toContain(
      `coalition-presence.geojson: feature "${data.presence.features[1]!.id}": properties.reportingEnds: 2026-12-20 is after`,
    );
  });

  it('nothing-after-reporting: no status claimed, and no period begun, after the last report', () => {
    const data = liveData();
    const erbil = data.presence.features.find((f) => f.id === 'erbil-air-base')!;
    erbil.properties.reportingEnds = '2026-03-01';
    let problems = withRule(checkConsistency(data), 'nothing-after-reporting');
    expect(
      problems.some((p) =>
        p.startsWith(
          'coalition-presence.geojson: feature "erbil-air-base": properties.periods[2].status: is "present" on 2026-03-02',
        ),
      ),
    ).toBe(true);
    expect(
      problems.some((p) =>
        p.includes('properties.periods[3].start: starts 2026-03-13, after the last report on the site (2026-03-01)'),
      ),
    ).toBe(true);
    erbil.properties.reportingEnds = '2026-03-12';
    problems = withRule(checkConsistency(data), 'nothing-after-reporting');
    expect(problems).toEqual([]);
  });

  it('announcement-sites and announcement-deadline', () => {
    const data = liveData();
    data.timeline.announcements[0]!.sites.push('atlantis');
    data.timeline.announcements[1]!.by = '2020-01-01';
    const problems = checkConsistency(data);
    expect(withRule(problems, 'announcement-sites')[0]).toContain(
      'timeline.json: announcements[0].sites[3]: no site with id "atlantis"',
    );
    expect(withRule(problems, 'announcement-deadline')[0]).toContain(
      'timeline.json: announcements[1].by: 2020-01-01 is before',
    );
  });

  it('changes-newest-first and as-of-current', () => {
    const data = liveData();
    data.timeline.changes.reverse();
    expect(withRule(checkConsistency(data), 'changes-newest-first')).toHaveLength(1);
    const stale = liveData();
    stale.timeline.asOf = '2026-11-30';
    expect(withRule(checkConsistency(stale), 'as-of-current')[0]).toContain(
      'timeline.json: asOf: asOf 2026-11-30 is older than the newest change (2026-12-02)',
    );
  });

  it('an unknown source id in an announcement or a change is reported', () => {
    const data = liveData();
    data.timeline.announcements[0]!.sources.push('nope');
    data.timeline.changes[0]!.sources = ['nope'];
    const problems = checkConsistency(data);
    expect(problems).toContain(
      'timeline.json: announcements[0].sources[3]: unknown source id "nope" (add it to sources.json first)',
    );
    expect(problems).toContain(
      'timeline.json: changes[0].sources[0]: unknown source id "nope" (add it to sources.json first)',
    );
  });
});
