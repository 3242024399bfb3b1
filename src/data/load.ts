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

async function getJson(fetchFn: FetchLike, url: string, signal?: AbortSignal): Promise<unknown> {
  const res = await fetchFn(url, signal ? { signal } : undefined);
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const text = await res.text();
  try {
    return JSON.parse(text);
  } catch {
    throw new Error('not valid JSON (the file may be truncated)');
  }
}

function describe(err: unknown): string {
  if (err instanceof Error) return err.name === 'AbortError' ? 'timed out' : err.message;
  return String(err);
}

/** Fetches and validates everything under base (a URL ending in /geo/). */
export async function loadAll(fetchFn: FetchLike, base: string, signal?: AbortSignal): Promise<LoadResult> {
  const problems: LoadProblem[] = [];
  const factKeys = Object.keys(DATA_FILES) as (keyof AppData)[];
  const mapKeys = Object.keys(BASEMAP_FILES) as (keyof Basemap)[];

  const factResults = await Promise.all(
    factKeys.map(async (key) => {
      const file = DATA_FILES[key];
      try {
        return [key, validateFile(file, await getJson(fetchFn, base + file, signal))] as const;
      } catch (err) {
        problems.push({ file, message: describe(err) });
        return [key, null] as const;
      }
    }),
  );
  const mapResults = await Promise.all(
    mapKeys.map(async (key) => {
      const file = BASEMAP_FILES[key];
      try {
        return [key, await getJson(fetchFn, base + file, signal)] as const;
      } catch (err) {
        problems.push({ file, message: describe(err) });
        return [key, null] as const;
      }
    }),
  );

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
