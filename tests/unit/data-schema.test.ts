import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { liveData } from '../support/live-data.ts';
import { checkConsistency } from '../../src/data/consistency.ts';
import type { AppData } from '../../src/data/types.ts';
import { DataError, type DataFileName, FILE_SCHEMAS, validateFile } from '../../src/data/validate.ts';

const readJson = (rel: string): unknown => JSON.parse(readFileSync(new URL(rel, import.meta.url), 'utf8'));
const geo = (name: string) => readJson(`../../public/geo/${name}`);
const broken = (name: string) => readJson(`../fixtures/broken/${name}`);

/** The message of the error thrown by fn (fails the test if nothing is thrown). */
function errorOf(fn: () => unknown): DataError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DataError);
    return e as DataError;
  }
  throw new Error('expected a DataError');
}

describe('the fact files in public/geo', () => {
  for (const name of Object.keys(FILE_SCHEMAS) as DataFileName[]) {
    it(`${name} matches its schema`, () => {
      expect(() => validateFile(name, geo(name))).not.toThrow();
    });
  }

  it('are consistent with each other', () => {
    expect(checkConsistency(liveData())).toEqual([]);
  });

  it('map at least 8 sites and list the rest without coordinates', () => {
    const { presence } = liveData();
    const mapped = presence.features.filter((f) => f.geometry !== null);
    expect(mapped.length).toBeGreaterThanOrEqual(8);
    for (const f of presence.features.filter((x) => x.geometry === null)) {
      expect(f.properties.location.precision, f.id).toBe('unknown');
    }
  });

  it('mark exactly the five milestones', () => {
    const { timeline } = liveData();
    const ids = timeline.events.filter((e) => e.milestone).map((e) => e.date);
    expect(ids).toEqual(['2024-09-27', '2025-09-30', '2026-01-17', '2026-02-11', '2026-09-30']);
  });

  it('cite every source at least once and no grade-D source', () => {
    const data = liveData();
    const text = JSON.stringify([data.presence, data.ain, data.zone, data.timeline]);
    for (const s of data.sources.sources) {
      expect(text.includes(`"${s.id}"`), `${s.id} is never cited`).toBe(true);
      expect(s.grade, s.id).not.toBe('D');
    }
  });
});

describe('validateFile on broken files', () => {
  it('names file, feature and field for an impossible date', () => {
    const err = errorOf(() =>
      validateFile('coalition-presence.geojson', broken('bad-date.coalition-presence.geojson')),
    );
    expect(err.message).toContain(
      'coalition-presence.geojson: feature "al-tanf": properties.periods[1].start: not a real calendar date',
    );
    expect(err.problems[0]).toMatchObject({ featureId: 'al-tanf', path: 'properties.periods[1].start' });
  });

  it('reports a missing Arabic name', () => {
    const err = errorOf(() =>
      validateFile('coalition-presence.geojson', broken('missing-arabic.coalition-presence.geojson')),
    );
    expect(err.message).toContain('coalition-presence.geojson: feature "erbil-air-base": properties.name.ar: missing');
  });

  it('reports coordinates with more than 5 decimals', () => {
    const err = errorOf(() =>
      validateFile('coalition-presence.geojson', broken('too-many-decimals.coalition-presence.geojson')),
    );
    expect(err.message).toContain('feature "harir-air-base": geometry.coordinates[0]: at most 5 decimals');
  });

  it('lists the allowed values for an unknown status', () => {
    const err = errorOf(() =>
      validateFile('coalition-presence.geojson', broken('bad-status.coalition-presence.geojson')),
    );
    expect(err.message).toContain('feature "union-iii": properties.periods[2].status: expected one of "present"');
    expect(err.message).toContain('got "left"');
  });

  it('locates errors in sources.json by source id', () => {
    const sources = structuredClone(geo('sources.json')) as { sources: { id: string; url?: string }[] };
    sources.sources[3]!.url = 'http://example.org/x';
    const err = errorOf(() => validateFile('sources.json', sources));
    expect(err.message).toBe(
      `sources.json: source "${sources.sources[3]!.id}": url: urls must be https:// with no spaces or markup`,
    );
  });

  it('refuses an unknown file name', () => {
    expect(() => validateFile('nope.json' as DataFileName, {})).toThrow(
      'nope.json: (top level): not a known data file',
    );
  });
});

describe('checkConsistency on broken data', () => {
  const withPresence = (fixture: string): AppData => ({
    ...liveData(),
    presence: validateFile('coalition-presence.geojson', broken(fixture)),
  });

  it('reports an unknown source id with file, feature and field', () => {
    expect(checkConsistency(withPresence('unknown-source.coalition-presence.geojson'))).toContain(
      'coalition-presence.geojson: feature "qasrak": properties.periods[0].sources[2]: unknown source id "no-such-source" (add it to sources.json first)',
    );
  });

  it('reports overlapping periods', () => {
    expect(checkConsistency(withPresence('overlapping-periods.coalition-presence.geojson'))).toContain(
      'coalition-presence.geojson: feature "al-shaddadi": properties.periods[1]: overlaps the previous period: starts 2026-01-20, previous ends 2026-01-31',
    );
  });

  it('reports an open-ended period that is not the last', () => {
    const problems = checkConsistency(withPresence('open-period-not-last.coalition-presence.geojson'));
    expect(problems).toContain(
      'coalition-presence.geojson: feature "tower-22": properties.periods[0]: only the last period may be open-ended (add an end date)',
    );
  });

  it('reports event sites that do not exist', () => {
    const problems = checkConsistency(withPresence('unknown-source.coalition-presence.geojson'));
    expect(
      problems.some((p) => /^timeline\.json: events\[\d+\]\.sites\[\d+\]: no feature with id "al-tanf"$/.test(p)),
    ).toBe(true);
  });

  it('reports a gap between phases and a range that is not covered', () => {
    const data = liveData();
    data.timeline.phases[1]!.end = '2025-09-29';
    data.timeline.phases[3]!.end = '2026-11-30';
    const problems = checkConsistency(data);
    expect(problems).toContain(
      'timeline.json: phases[2].start: must be the day after the previous phase ends (2025-09-29)',
    );
    expect(problems).toContain('timeline.json: phases[3].end: phases stop before range.end 2026-12-31');
  });

  it('reports grade-D citations, duplicate ids and duplicate feature ids', () => {
    const data = liveData();
    data.sources.sources[0]!.grade = 'D';
    data.sources.sources.push({ ...data.sources.sources[1]! });
    data.ain.features[1]!.id = 'al-tanf';
    const problems = checkConsistency(data);
    const first = data.sources.sources[0]!.id;
    expect(problems.some((p) => p.includes(`source "${first}" is grade D`))).toBe(true);
    expect(problems.some((p) => p.startsWith('sources.json: sources[') && p.includes('duplicate source id'))).toBe(
      true,
    );
    expect(problems).toContain(
      'ain-al-asad.geojson: feature "al-tanf": id: id is already used in coalition-presence.geojson',
    );
  });

  it('reports events without a source and out of date order', () => {
    const data = liveData();
    data.timeline.events[2]!.sources = [];
    data.timeline.events[5]!.date = '2000-01-01';
    const problems = checkConsistency(data);
    expect(problems).toContain('timeline.json: events[2].sources: an event needs a source');
    expect(problems).toContain(
      'timeline.json: events[5].date: events must be in date order (2000-01-01 after 2021-12-09)',
    );
  });
});

describe('validateFile inside unions', () => {
  it('reports the geometry branch the editor meant', () => {
    const zone = structuredClone(geo('ne-syria-threat-zone.geojson')) as {
      features: { geometry: { coordinates: number[] } }[];
    };
    zone.features[1]!.geometry.coordinates[0] = 41.148612;
    const err = errorOf(() => validateFile('ne-syria-threat-zone.geojson', zone));
    expect(err.message).toBe(
      'ne-syria-threat-zone.geojson: feature "al-hol-camp": geometry.coordinates[0]: at most 5 decimals',
    );
  });
});

describe('sources a desk can stand behind', () => {
  type RawSource = Record<string, unknown> & { id: string };
  const withSource = (change: (s: RawSource) => void): unknown => {
    const file = structuredClone(geo('sources.json')) as { sources: RawSource[] };
    change(file.sources[0]!);
    return file;
  };
  const first = (geo('sources.json') as { sources: RawSource[] }).sources[0]!.id;

  it('fail on a source without an outlet, naming the file, the id and the rule', () => {
    const err = errorOf(() =>
      validateFile(
        'sources.json',
        withSource((s) => delete s.outlet),
      ),
    );
    expect(err.message).toMatch(
      new RegExp(`^sources\\.json: source "${first}": outlet: missing .*\\(rule source-outlet: `),
    );
    const empty = errorOf(() =>
      validateFile(
        'sources.json',
        withSource((s) => (s.outlet = '')),
      ),
    );
    expect(empty.message).toContain('(rule source-outlet:');
  });

  it('fail on a source without a date, but accept one written out as undated (null)', () => {
    const err = errorOf(() =>
      validateFile(
        'sources.json',
        withSource((s) => delete s.date),
      ),
    );
    expect(err.message).toMatch(
      new RegExp(`^sources\\.json: source "${first}": date: missing .*\\(rule source-date: `),
    );
    expect(() =>
      validateFile(
        'sources.json',
        withSource((s) => (s.date = null)),
      ),
    ).not.toThrow();
    const bad = errorOf(() =>
      validateFile(
        'sources.json',
        withSource((s) => (s.date = 'March 2026')),
      ),
    );
    expect(bad.message).toContain('expected YYYY, YYYY-MM or YYYY-MM-DD (rule source-date:');
  });

  it('fail on a source without a grade or with an unknown one', () => {
    const err = errorOf(() =>
      validateFile(
        'sources.json',
        withSource((s) => delete s.grade),
      ),
    );
    expect(err.message).toMatch(new RegExp(`^sources\\.json: source "${first}": grade: .*\\(rule source-grade: `));
    const bad = errorOf(() =>
      validateFile(
        'sources.json',
        withSource((s) => (s.grade = 'E')),
      ),
    );
    expect(bad.message).toContain('(rule source-grade:');
  });

  it('fail on any fact citing a grade-D source, naming file, feature and rule', () => {
    const data = liveData();
    const cited = data.presence.features[0]!.properties.periods[0]!.sources[0]!;
    data.sources.sources.find((s) => s.id === cited)!.grade = 'D';
    const problems = checkConsistency(data);
    expect(problems).toContain(
      `coalition-presence.geojson: feature "${data.presence.features[0]!.id}": properties.periods[0].sources[0]: source "${cited}" is grade D and may not be cited for a fact (rule no-grade-d: no fact may cite a grade-D source)`,
    );
  });

  it('fail on a copy that does not say where it was read', () => {
    const data = liveData();
    const copy = data.sources.sources.find((s) => s.copy)!;
    delete copy.via;
    expect(checkConsistency(data)).toContain(
      `sources.json: source "${copy.id}": via: is marked as a copy but does not say where it was read (rule copy-needs-via: a source marked "copy" names where the copy was read ("via"))`,
    );
  });

  it('in the real file: mirrors are flagged as copies of a named original, undated sources say so', () => {
    const { sources } = liveData().sources;
    const MIRRORS = /bitcoinethereumnews|today24|studentb|findsuperdeals|exbulletin|wikizero|wikimili|marefa|aajsa/i;
    for (const s of sources) {
      if (s.via && MIRRORS.test(s.via)) expect(s.copy, `${s.id} is read in a mirror`).toBe(true);
      expect(MIRRORS.test(s.outlet), `${s.id}: the outlet must be the original, not the mirror`).toBe(false);
      if (s.date === null) expect(s.accessed, `${s.id} is undated: say when it was read`).toBeDefined();
    }
    expect(sources.find((s) => s.id === 'asianewslb-2026')?.date).toBeNull();
    expect(sources.find((s) => s.id === 'forbes-2025-10')).toMatchObject({ outlet: 'Forbes', copy: true });
  });
});
