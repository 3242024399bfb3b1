/**
 * Cross-file checks the schemas cannot express: cited sources exist, periods follow each other,
 * ids are unique, phases tile the timeline. Returns readable problems; an empty list means consistent.
 */
import { addDays } from './dates.ts';
import { periodAt } from './periods.ts';
import { unknownAt } from './freshness.ts';
import type { AppData } from './types.ts';
import { type DataProblem, formatProblem } from './validate.ts';

interface Dated {
  start: string;
  end?: string | undefined;
}

interface DatedFeature {
  id: string;
  properties: { sources: readonly string[]; periods?: readonly (Dated & { sources: readonly string[] })[] | undefined };
}

type Report = (p: DataProblem) => void;

/** Every problem across the five fact files, one readable line each. */
export function checkConsistency(data: AppData): string[] {
  const problems: DataProblem[] = [];
  const report: Report = (p) => problems.push(p);
  const grades = sourceGrades(data, report);

  const cite = (file: string, featureId: string | undefined, path: string, ids: readonly string[] | undefined) => {
    ids?.forEach((id, i) => {
      const grade = grades.get(id);
      const at = { file, ...(featureId === undefined ? {} : { featureId }), path: `${path}[${i}]` };
      if (grade === undefined) report({ ...at, message: `unknown source id "${id}" (add it to sources.json first)` });
      else if (grade === 'D') {
        report({ ...at, message: `source "${id}" is grade D and may not be cited for a fact`, rule: 'no-grade-d' });
      }
    });
  };

  const featureIds = new Map<string, string>();
  const features = [
    ['coalition-presence.geojson', data.presence.features],
    ['ain-al-asad.geojson', data.ain.features],
    ['ne-syria-threat-zone.geojson', data.zone.features],
  ] as const;
  for (const [file, list] of features) {
    for (const f of list) {
      const seen = featureIds.get(f.id);
      if (seen) report({ file, featureId: f.id, path: 'id', message: `id is already used in ${seen}` });
      featureIds.set(f.id, file);
      if (f.properties.id !== f.id) {
        report({ file, featureId: f.id, path: 'properties.id', message: `must equal the feature id "${f.id}"` });
      }
    }
  }

  for (const f of data.presence.features) {
    const file = 'coalition-presence.geojson';
    cite(file, f.id, 'properties.location.sources', f.properties.location.sources);
    checkPeriods(file, f.id, 'properties.periods', f.properties.periods, report);
    f.properties.periods.forEach((p, i) => {
      cite(file, f.id, `properties.periods[${i}].sources`, p.sources);
    });
  }
  const others: [string, readonly DatedFeature[]][] = [
    ['ain-al-asad.geojson', data.ain.features],
    ['ne-syria-threat-zone.geojson', data.zone.features],
  ];
  for (const [file, list] of others) {
    for (const f of list) {
      cite(file, f.id, 'properties.sources', f.properties.sources);
      const periods = f.properties.periods ?? [];
      checkPeriods(file, f.id, 'properties.periods', periods, report);
      periods.forEach((p, i) => {
        cite(file, f.id, `properties.periods[${i}].sources`, p.sources);
      });
    }
  }

  checkTimeline(data, featureIds, cite, report);
  checkFreshness(data, report);
  checkAnnouncements(data, cite, report);
  checkChanges(data, cite, report);
  return problems.map(formatProblem);
}

function sourceGrades(data: AppData, report: Report): Map<string, string> {
  const grades = new Map<string, string>();
  data.sources.sources.forEach((s, i) => {
    if (grades.has(s.id))
      report({ file: 'sources.json', path: `sources[${i}].id`, message: `duplicate source id "${s.id}"` });
    grades.set(s.id, s.grade);
    if (s.copy && s.via === undefined) {
      const message = 'is marked as a copy but does not say where it was read';
      report({ file: 'sources.json', sourceId: s.id, path: 'via', message, rule: 'copy-needs-via' });
    }
  });
  return grades;
}

/** Periods must run forward, one after the other, without overlap or gap; only the last may stay open. */
function checkPeriods(file: string, featureId: string, path: string, periods: readonly Dated[], report: Report): void {
  periods.forEach((p, i) => {
    const at = { file, featureId, path: `${path}[${i}]` };
    if (p.end !== undefined && p.end < p.start)
      report({ ...at, message: `ends (${p.end}) before it starts (${p.start})` });
    if (p.end === undefined && i < periods.length - 1) {
      report({ ...at, message: 'only the last period may be open-ended (add an end date)' });
    }
    const prev = periods[i - 1];
    if (prev?.end === undefined) return;
    if (p.start <= prev.end) {
      report({ ...at, message: `overlaps the previous period: starts ${p.start}, previous ends ${prev.end}` });
    } else if (p.start !== addDays(prev.end, 1)) {
      report({ ...at, message: `gap after the previous period (ends ${prev.end}); use status "unknown" for a gap` });
    }
  });
}

type Cite = (file: string, featureId: string | undefined, path: string, ids: readonly string[] | undefined) => void;

function checkTimeline(data: AppData, featureIds: Map<string, string>, cite: Cite, report: Report): void {
  const file = 'timeline.json';
  const { range, phases, events, troops } = data.timeline;

  phases.forEach((phase, i) => {
    const path = `phases[${i}]`;
    if (phase.sources.length === 0) report({ file, path: `${path}.sources`, message: 'a phase needs a source' });
    cite(file, undefined, `${path}.sources`, phase.sources);
    if (phase.end !== undefined && phase.end < phase.start) {
      report({ file, path, message: `ends (${phase.end}) before it starts (${phase.start})` });
    }
    const prev = phases[i - 1];
    if (prev === undefined) {
      if (phase.start > range.start)
        report({ file, path: `${path}.start`, message: `must be on or before range.start ${range.start}` });
    } else if (prev.end === undefined) {
      report({ file, path: `phases[${i - 1}].end`, message: 'only the last phase may be open-ended' });
    } else if (phase.start !== addDays(prev.end, 1)) {
      report({ file, path: `${path}.start`, message: `must be the day after the previous phase ends (${prev.end})` });
    }
  });
  const last = phases[phases.length - 1];
  if (last?.end !== undefined && last.end < range.end) {
    report({ file, path: `phases[${phases.length - 1}].end`, message: `phases stop before range.end ${range.end}` });
  }

  const eventIds = new Set<string>();
  events.forEach((event, i) => {
    const path = `events[${i}]`;
    if (eventIds.has(event.id)) report({ file, path: `${path}.id`, message: `duplicate event id "${event.id}"` });
    eventIds.add(event.id);
    if (event.sources.length === 0) report({ file, path: `${path}.sources`, message: 'an event needs a source' });
    cite(file, undefined, `${path}.sources`, event.sources);
    event.sites?.forEach((id, j) => {
      if (!featureIds.has(id)) report({ file, path: `${path}.sites[${j}]`, message: `no feature with id "${id}"` });
    });
    const prev = events[i - 1];
    if (prev && event.date < prev.date) {
      report({
        file,
        path: `${path}.date`,
        message: `events must be in date order (${event.date} after ${prev.date})`,
      });
    }
  });

  troops.forEach((t, i) => {
    cite(file, undefined, `troops[${i}].sources`, t.sources);
  });
}

/** asOf, reportingEnds and the first view: the map must never claim more than the reporting holds. */
function checkFreshness(data: AppData, report: Report): void {
  const file = 'timeline.json';
  const { range, defaultDate, asOf, reportingEnds } = data.timeline;
  if (reportingEnds > asOf) {
    const message = `${reportingEnds} is after asOf ${asOf}`;
    report({ file, path: 'reportingEnds', message, rule: 'reporting-ends-by-as-of' });
  }
  if (defaultDate !== undefined) {
    if (defaultDate < range.start || defaultDate > range.end) {
      const message = `${defaultDate} is outside ${range.start}–${range.end}`;
      report({ file, path: 'defaultDate', message, rule: 'default-date-in-range' });
    }
    const { unknown, total } = unknownAt(data.presence, defaultDate);
    if (unknown * 2 > total) {
      const message = `${unknown} of ${total} sites are unknown or have no period on ${defaultDate}; choose the latest date that most sites are known on`;
      report({ file, path: 'defaultDate', message, rule: 'default-date-known' });
    }
  }

  const presence = 'coalition-presence.geojson';
  for (const f of data.presence.features) {
    const own = f.properties.reportingEnds;
    if (own !== undefined && own > reportingEnds) {
      const message = `${own} is after the timeline's reportingEnds ${reportingEnds}`;
      report({
        file: presence,
        featureId: f.id,
        path: 'properties.reportingEnds',
        message,
        rule: 'site-reporting-ends',
      });
    }
    const ends = own ?? reportingEnds;
    const after = addDays(ends, 1);
    const periods = f.properties.periods;
    periods.forEach((p, i) => {
      if (p.start > after) {
        const message = `starts ${p.start}, after the last report on the site (${ends})`;
        report({
          file: presence,
          featureId: f.id,
          path: `properties.periods[${i}].start`,
          message,
          rule: 'nothing-after-reporting',
        });
      }
    });
    const next = periodAt(periods, after);
    if (next !== null && next.status !== 'unknown' && next.status !== 'withdrawn') {
      const i = periods.indexOf(next);
      const message = `is "${next.status}" on ${after}, after the last report on the site (${ends}); end it on ${ends} and add an open "unknown" period`;
      report({
        file: presence,
        featureId: f.id,
        path: `properties.periods[${i}].status`,
        message,
        rule: 'nothing-after-reporting',
      });
    }
  }
}

function checkAnnouncements(data: AppData, cite: Cite, report: Report): void {
  const file = 'timeline.json';
  const siteIds = new Set(data.presence.features.map((f) => f.id));
  const ids = new Set<string>();
  data.timeline.announcements.forEach((a, i) => {
    const path = `announcements[${i}]`;
    if (ids.has(a.id)) report({ file, path: `${path}.id`, message: `duplicate announcement id "${a.id}"` });
    ids.add(a.id);
    cite(file, undefined, `${path}.sources`, a.sources);
    if (a.sites.length === 0)
      report({ file, path: `${path}.sites`, message: 'names no site', rule: 'announcement-sites' });
    a.sites.forEach((id, j) => {
      if (!siteIds.has(id)) {
        const message = `no site with id "${id}" in coalition-presence.geojson`;
        report({ file, path: `${path}.sites[${j}]`, message, rule: 'announcement-sites' });
      }
    });
    if (a.by < a.announced) {
      const message = `${a.by} is before it was announced (${a.announced})`;
      report({ file, path: `${path}.by`, message, rule: 'announcement-deadline' });
    }
  });
}

function checkChanges(data: AppData, cite: Cite, report: Report): void {
  const file = 'timeline.json';
  const { changes, asOf } = data.timeline;
  changes.forEach((c, i) => {
    const path = `changes[${i}]`;
    cite(file, undefined, `${path}.sources`, c.sources);
    const prev = changes[i - 1];
    if (prev && c.date > prev.date) {
      const message = `${c.date} is listed after ${prev.date}`;
      report({ file, path: `${path}.date`, message, rule: 'changes-newest-first' });
    }
  });
  const newest = changes[0];
  if (newest && newest.date > asOf) {
    const message = `asOf ${asOf} is older than the newest change (${newest.date}); set asOf to the day the facts were checked`;
    report({ file, path: 'asOf', message, rule: 'as-of-current' });
  }
}
