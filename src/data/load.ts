/**
 * Loads the fact files and the base map with an injected fetch (tests pass their own), validates
 * each file, and reports every file it could not use instead of throwing.
 */
import { checkConsistency } from './consistency.ts';
import { type AppData, BASEMAP_FILES, type Basemap, DATA_FILES } from './types.ts';
import { validateFile } from './validate.ts';

export type FetchLike = (url: string, init?: { signal?: AbortSignal }) => Promise<Response>;

export interface LoadProblem {
  file: string;
  message: string;
}

export interface LoadResult {
  /** The facts, or null when a file the map cannot do without is unusable. */
  data: AppData | null;
  basemap: Partial<Basemap>;
  problems: LoadProblem[];
}

// Ain al-Asad and the zone are drawn when present; without the sites, phases or sources there is no story.
const REQUIRED: readonly (keyof AppData)[] = ['presence', 'timeline', 'sources'];

// The largest file is ~150 KB; anything past this is not ours (a misconfigured server, an error page loop).
export const MAX_FILE_BYTES = 16 * 1024 * 1024;

/** fetch's TypeError text differs by browser ("Failed to fetch", "Load failed", "NetworkError…"): one word for all. */
async function network<T>(step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (err) {
    throw err instanceof TypeError ? new Error('network error') : err;
  }
}

async function getJson(fetchFn: FetchLike, url: string, signal?: AbortSignal): Promise<unknown> {
  const res = await network(() => fetchFn(url, signal ? { signal } : undefined));
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  if (Number(res.headers?.get('content-length') ?? 0) > MAX_FILE_BYTES) throw new Error('file too large');
  const text = await network(() => res.text());
  if (text.length > MAX_FILE_BYTES) throw new Error('file too large');
  if (text.trim() === '') throw new Error('empty file');
  try {
    return JSON.parse(text);
  } catch {
    throw new Error('not valid JSON (the file may be truncated)');
  }
}

function describe(err: unknown): string {
  if (err instanceof Error) {
    if (err.name === 'AbortError' || err.name === 'TimeoutError') return 'timed out';
    return err.message;
  }
  return String(err);
}

/**
 * The base map has no schema of its own (it is generated, not edited), but a renderer walks it: at
 * least a FeatureCollection whose features each have an object geometry (or null) is required.
 */
function featureCollection(json: unknown): unknown {
  const fc = json as { type?: unknown; features?: unknown } | null;
  const ok =
    typeof fc === 'object' &&
    fc !== null &&
    fc.type === 'FeatureCollection' &&
    Array.isArray(fc.features) &&
    fc.features.every(
      (f: unknown) =>
        typeof f === 'object' &&
        f !== null &&
        typeof (f as { geometry?: unknown }).geometry === 'object' &&
        typeof (f as { properties?: unknown }).properties === 'object',
    );
  if (!ok) throw new Error('not a GeoJSON FeatureCollection');
  return json;
}

/** Fetches and validates everything under base (a URL ending in /geo/). */
export async function loadAll(fetchFn: FetchLike, base: string, signal?: AbortSignal): Promise<LoadResult> {
  const problems: LoadProblem[] = [];
  const factKeys = Object.keys(DATA_FILES) as (keyof AppData)[];
  const mapKeys = Object.keys(BASEMAP_FILES) as (keyof Basemap)[];

  // Facts and base map in parallel: the slowest file, not the sum of two rounds, sets the wait.
  const [factResults, mapResults] = await Promise.all([
    Promise.all(
      factKeys.map(async (key) => {
        const file = DATA_FILES[key];
        try {
          return [key, validateFile(file, await getJson(fetchFn, base + file, signal))] as const;
        } catch (err) {
          problems.push({ file, message: describe(err) });
          return [key, null] as const;
        }
      }),
    ),
    Promise.all(
      mapKeys.map(async (key) => {
        const file = BASEMAP_FILES[key];
        try {
          return [key, featureCollection(await getJson(fetchFn, base + file, signal))] as const;
        } catch (err) {
          problems.push({ file, message: describe(err) });
          return [key, null] as const;
        }
      }),
    ),
  ]);

  const facts = Object.fromEntries(factResults) as Record<keyof AppData, unknown>;
  const basemap = Object.fromEntries(mapResults.filter(([, v]) => v !== null)) as Partial<Basemap>;
  const missingRequired = REQUIRED.some((k) => facts[k] === null);
  if (missingRequired) return { data: null, basemap, problems };

  const data = {
    presence: facts.presence,
    timeline: facts.timeline,
    sources: facts.sources,
    ain: facts.ain ?? { type: 'FeatureCollection', features: [] },
    zone: facts.zone ?? { type: 'FeatureCollection', features: [] },
  } as AppData;
  for (const message of checkConsistency(data)) problems.push({ file: 'consistency', message });
  return { data, basemap, problems };
}
