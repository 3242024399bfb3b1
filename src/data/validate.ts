/**
 * Checks one fact file against its schema and turns zod issues into messages an editor can act on:
 * `coalition-presence.geojson: feature "al-tanf": properties.periods[1].start: not a real calendar date`.
 */
import type * as z from 'zod/mini';
import { RULES, type RuleName } from './rules.ts';
import { ainAlAsadFile, presenceFile, sourcesFile, timelineFile, zoneFile } from './schema.ts';

/** The schema of each file in public/geo/, by file name. */
export const FILE_SCHEMAS = {
  'coalition-presence.geojson': presenceFile,
  'ain-al-asad.geojson': ainAlAsadFile,
  'ne-syria-threat-zone.geojson': zoneFile,
  'timeline.json': timelineFile,
  'sources.json': sourcesFile,
} as const;

export type DataFileName = keyof typeof FILE_SCHEMAS;
export type DataOf<F extends DataFileName> = z.infer<(typeof FILE_SCHEMAS)[F]>;

/** One problem in one file, located as precisely as the data allows. */
export interface DataProblem {
  file: string;
  featureId?: string;
  /** The id of the source in sources.json the problem is in. */
  sourceId?: string;
  path: string;
  message: string;
  /** The named rule the data breaks (see rules.ts), added to the message. */
  rule?: RuleName;
}

/** Thrown when a fact file does not match its schema; `message` lists every problem, one per line. */
export class DataError extends Error {
  readonly problems: DataProblem[];

  constructor(problems: DataProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'DataError';
    this.problems = problems;
  }
}

/** The one-line form of a problem, as shown to editors. */
export function formatProblem(p: DataProblem): string {
  const where =
    p.featureId !== undefined
      ? ` feature "${p.featureId}":`
      : p.sourceId !== undefined
        ? ` source "${p.sourceId}":`
        : '';
  const rule = p.rule === undefined ? '' : ` (rule ${p.rule}: ${RULES[p.rule]})`;
  return `${p.file}:${where} ${p.path || '(top level)'}: ${p.message}${rule}`;
}

/** Validates the parsed JSON of a fact file and returns it typed, or throws a DataError. */
export function validateFile<F extends DataFileName>(fileName: F, json: unknown): DataOf<F> {
  const schema = FILE_SCHEMAS[fileName] as z.ZodMiniType | undefined;
  if (!schema) throw new DataError([{ file: String(fileName), path: '', message: 'not a known data file' }]);
  const result = schema.safeParse(json, { reportInput: true });
  if (result.success) return result.data as DataOf<F>;
  throw new DataError(result.error.issues.map((issue) => toProblem(fileName, json, issue)));
}

type Key = PropertyKey;

// The fields every source must have, and the rule each one is (the schema enforces them; this names them).
const SOURCE_FIELD_RULES: Record<string, RuleName> = {
  outlet: 'source-outlet',
  date: 'source-date',
  grade: 'source-grade',
};

function toProblem(file: string, json: unknown, outer: z.core.$ZodIssue): DataProblem {
  const { issue, fullPath } = closestBranch(outer);
  let path: readonly Key[] = fullPath;
  let featureId: string | undefined;
  let sourceId: string | undefined;
  if (path[0] === 'features' && typeof path[1] === 'number') {
    featureId = featureIdAt(json, path[1]);
    path = path.slice(2);
  } else if (file === 'sources.json' && path[0] === 'sources' && typeof path[1] === 'number') {
    sourceId = idAt((json as { sources?: unknown } | null)?.sources, path[1]);
    path = path.slice(2);
  }
  const rule = sourceId === undefined || path.length !== 1 ? undefined : SOURCE_FIELD_RULES[String(path[0])];
  return {
    file,
    ...(featureId === undefined ? {} : { featureId }),
    ...(sourceId === undefined ? {} : { sourceId }),
    path: formatPath(path),
    message: describe(issue),
    ...(rule === undefined ? {} : { rule }),
  };
}

/** The id of the index-th entry of a list in the raw JSON, or `#index` when it has none. */
function idAt(list: unknown, index: number): string {
  const id = Array.isArray(list) ? (list[index] as { id?: unknown } | undefined)?.id : undefined;
  return typeof id === 'string' && id !== '' ? id : `#${index}`;
}

/**
 * A union (e.g. Polygon | MultiPolygon | Point) reports one issue list per branch; the branch with the fewest
 * issues is the one the editor meant, so its first issue is the useful message.
 */
function closestBranch(issue: z.core.$ZodIssue): { issue: z.core.$ZodIssue; fullPath: Key[] } {
  let current = issue;
  const fullPath: Key[] = [...issue.path];
  while (current.code === 'invalid_union') {
    const best = [...current.errors].filter((b) => b.length > 0).sort((a, b) => a.length - b.length)[0]?.[0];
    if (!best) break;
    fullPath.push(...best.path);
    current = best;
  }
  return { issue: current, fullPath };
}

function featureIdAt(json: unknown, index: number): string {
  const features = (json as { features?: unknown } | null)?.features;
  const f = Array.isArray(features)
    ? (features[index] as { id?: unknown; properties?: { id?: unknown } } | undefined)
    : undefined;
  const id = f?.id ?? f?.properties?.id;
  return typeof id === 'string' && id !== '' ? id : `#${index}`;
}

/** `['properties', 'periods', 1, 'start']` → `properties.periods[1].start`. */
export function formatPath(path: readonly Key[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

function describe(issue: z.core.$ZodIssue): string {
  const custom = issue.message && issue.message !== 'Invalid input' ? issue.message : undefined;
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? `missing (expected ${issue.expected})` : `expected ${issue.expected}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${JSON.stringify(issue.input)}`;
    case 'unrecognized_keys':
      return `unknown field(s) ${issue.keys.join(', ')}`;
    case 'invalid_union':
      return custom ?? 'does not match any allowed shape (check the geometry type and its coordinates)';
    default:
      return custom ?? issue.code;
  }
}
