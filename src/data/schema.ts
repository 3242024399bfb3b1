/**
 * Schemas for every file in public/geo/. These are the data contracts of docs/ARCHITECTURE.md:
 * editors change the files, the schemas say at build, test and run time whether a change is valid.
 * zod/mini keeps the runtime cost to a few KB (the full zod build is ~15 KB gzipped).
 */
import * as z from 'zod/mini';

export const LANGS = ['en', 'de', 'fr', 'ar'] as const;
export type Lang = (typeof LANGS)[number];

export const STATUSES = ['present', 'drawdown', 'withdrawn', 'unknown'] as const;
export type Status = (typeof STATUSES)[number];

export const BASES = ['announced', 'reported', 'confirmed'] as const;
export type Basis = (typeof BASES)[number];

export const CONTROLS = ['sdf', 'contested', 'government', 'unknown'] as const;
export type Control = (typeof CONTROLS)[number];

export const GRADES = ['A', 'B', 'C', 'D'] as const;

/** A real calendar day, YYYY-MM-DD (checked against the calendar, so 2025-02-30 fails). */
export const isoDate = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD'),
  z.refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'not a real calendar date'),
);

/** A date as exact as it is known: YYYY, YYYY-MM or YYYY-MM-DD. */
const partialDate = z.string().check(z.regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected YYYY, YYYY-MM or YYYY-MM-DD'));

/** How exact a date is: 'month' means "some day in that month", stored as its first day. */
export const precision = z.enum(['day', 'month', 'year']);

const nonEmpty = z.string().check(z.minLength(1, 'must not be empty'));

/** A text in all four languages. */
export const localized = z.object({ en: nonEmpty, de: nonEmpty, fr: nonEmpty, ar: nonEmpty });
export type Localized = z.infer<typeof localized>;

const sourceIds = z.array(nonEmpty).check(z.minLength(1, 'needs at least one source id'));

const slug = z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'ids are lower-case-with-dashes'));

/** Coordinates with at most 5 decimals (about 1 m): more would claim a precision we do not have. */
const coord = z
  .number()
  .check(z.refine((n) => Number.isFinite(n) && Math.abs(n * 1e5 - Math.round(n * 1e5)) < 1e-6, 'at most 5 decimals'));
const position = z.tuple([coord, coord]);

export const period = z.object({
  start: isoDate,
  startPrecision: z.optional(precision),
  end: z.optional(isoDate),
  endPrecision: z.optional(precision),
  status: z.enum(STATUSES),
  basis: z.enum(BASES),
  sources: sourceIds,
  note: z.optional(localized),
});
export type Period = z.infer<typeof period>;

export const siteProperties = z.object({
  id: slug,
  name: localized,
  country: z.enum(['IQ', 'SY', 'JO', 'KW', 'TR']),
  kind: z.enum(['airbase', 'garrison', 'outpost', 'headquarters', 'airstrip']),
  operators: localized,
  location: z.object({
    precision: z.enum(['exact', 'approximate', 'unknown']),
    note: localized,
    sources: z.optional(sourceIds),
  }),
  summary: z.optional(localized),
  /** The last day a dated report describes this site; after it, the map says "no reports found". */
  reportingEnds: z.optional(isoDate),
  periods: z.array(period).check(z.minLength(1, 'needs at least one period')),
});
export type SiteProperties = z.infer<typeof siteProperties>;

export const siteFeature = z.object({
  type: z.literal('Feature'),
  id: slug,
  geometry: z.nullable(z.object({ type: z.literal('Point'), coordinates: position })),
  properties: siteProperties,
});
export type SiteFeature = z.infer<typeof siteFeature>;

export const presenceFile = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(siteFeature),
});
export type PresenceFile = z.infer<typeof presenceFile>;

const ring = z.array(position).check(z.minLength(4, 'a ring needs at least 4 positions'));
const polygonGeom = z.object({ type: z.literal('Polygon'), coordinates: z.array(ring) });
const multiPolygonGeom = z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring)) });
const pointGeom = z.object({ type: z.literal('Point'), coordinates: position });

/** Ain al-Asad: an approximate footprint polygon plus the base's point, with the story as periods. */
export const ainAlAsadFile = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      id: slug,
      geometry: z.union([polygonGeom, pointGeom]),
      properties: z.object({
        id: slug,
        role: z.enum(['footprint', 'point']),
        name: localized,
        approximate: z.boolean(),
        note: localized,
        sources: sourceIds,
        periods: z.optional(z.array(period)),
      }),
    }),
  ),
});
export type AinAlAsadFile = z.infer<typeof ainAlAsadFile>;

export const zonePeriod = z.object({
  start: isoDate,
  startPrecision: z.optional(precision),
  end: z.optional(isoDate),
  endPrecision: z.optional(precision),
  control: z.enum(CONTROLS),
  basis: z.enum(BASES),
  sources: sourceIds,
  note: localized,
});
export type ZonePeriod = z.infer<typeof zonePeriod>;

/** The north-east Syria threat zone (an editorial approximation) and related IS-detention points. */
export const zoneFile = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      id: slug,
      geometry: z.union([polygonGeom, multiPolygonGeom, pointGeom]),
      properties: z.object({
        id: slug,
        role: z.enum(['zone', 'camp', 'prison']),
        name: localized,
        definition: localized,
        approximation: z.optional(localized),
        /** Where the map writes the zone's name: a cartographic choice, not a fact (no source needed). */
        labelAt: z.optional(position),
        sources: sourceIds,
        periods: z.array(zonePeriod).check(z.minLength(1, 'needs at least one period')),
      }),
    }),
  ),
});
export type ZoneFile = z.infer<typeof zoneFile>;

export const camera = z.object({
  center: position,
  zoom: z.number().check(z.gte(3), z.lte(10)),
});

/** A deadline someone announced for leaving sites: a fact with sources like any other, shown beside what happened. */
export const announcement = z.object({
  id: slug,
  /** The sites it applies to, listed one by one ("federal Iraq" is the sites there, named). */
  sites: z.array(slug),
  /** The day of the statement (or of the report of it). */
  announced: isoDate,
  announcedPrecision: z.optional(precision),
  /** The deadline; with month precision it is the first of the month and means "by the end of that month". */
  by: isoDate,
  byPrecision: z.optional(precision),
  text: localized,
  sources: sourceIds,
});
export type Announcement = z.infer<typeof announcement>;

/** One entry of the page's "Updates": what changed in the facts, when and why. */
export const change = z.object({
  date: isoDate,
  what: localized,
  why: localized,
  sources: z.optional(sourceIds),
});
export type Change = z.infer<typeof change>;

export const timelineFile = z.object({
  range: z.object({ start: isoDate, end: isoDate }),
  /** The date a reader sees first (an editorial choice); the end of the range when absent. */
  defaultDate: z.optional(isoDate),
  /** The day the facts were last checked against the reporting. */
  asOf: isoDate,
  /** The last day any dated report describes a site; after it statuses are not known (sites may say earlier). */
  reportingEnds: isoDate,
  phases: z
    .array(
      z.object({
        id: slug,
        start: isoDate,
        end: z.optional(isoDate),
        label: localized,
        summary: localized,
        sources: sourceIds,
        camera: z.optional(camera),
      }),
    )
    .check(z.minLength(1)),
  events: z.array(
    z.object({
      id: slug,
      date: isoDate,
      datePrecision: z.optional(precision),
      kind: z.enum([
        'announcement',
        'deadline',
        'withdrawal',
        'handover',
        'attack',
        'political',
        'military',
        'mandate',
      ]),
      milestone: z.optional(z.boolean()),
      title: localized,
      sites: z.optional(z.array(slug)),
      sources: sourceIds,
    }),
  ),
  troops: z.array(
    z.object({
      date: isoDate,
      datePrecision: z.optional(precision),
      country: z.enum(['IQ', 'SY', 'JO', 'KW', 'KRI']),
      /** null where the number is unknown: the map then says "unknown", never a guess. */
      value: z.nullable(z.number().check(z.gte(0))),
      approximate: z.boolean(),
      text: localized,
      sources: sourceIds,
    }),
  ),
  announcements: z.array(announcement),
  /** Newest first. */
  changes: z.array(change),
});
export type TimelineFile = z.infer<typeof timelineFile>;

export const sourcesFile = z.object({
  sources: z.array(
    z.object({
      id: slug,
      outlet: nonEmpty,
      title: nonEmpty,
      /** YYYY, YYYY-MM or YYYY-MM-DD, as exact as the source itself is; null (written out) when it is undated. */
      date: z.nullable(partialDate),
      /** When an undated source was read (YYYY, YYYY-MM or YYYY-MM-DD). */
      accessed: z.optional(partialDate),
      url: z.optional(
        z.string().check(z.regex(/^https:\/\/[^\s"<>]+$/, 'urls must be https:// with no spaces or markup')),
      ),
      via: z.optional(nonEmpty),
      /** True when what we read at `via` is a republished copy of the outlet's text (syndication or mirror). */
      copy: z.optional(z.boolean()),
      grade: z.enum(GRADES),
    }),
  ),
});
export type SourcesFile = z.infer<typeof sourcesFile>;
