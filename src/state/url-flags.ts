/**
 * The on/off URL parameters (embed, static) and the query-length guard, in a module with no imports:
 * the page's entry script (boot.ts) reads them before the app's code has arrived (issue 8). The full
 * parse (url.ts) uses the same functions, so the two can never disagree.
 */

// No real link comes near this (the longest valid query is ~120 characters); a longer one is not parsed at all.
export const MAX_QUERY_LENGTH = 4096;

/** A flag value: 1/true, 0/false, or null for anything else (which falls back to the default). */
export function flag(v: string | null): boolean | null {
  if (v === null) return null;
  if (v === '1' || v === 'true') return true;
  if (v === '0' || v === 'false') return false;
  return null;
}

/**
 * The embed and static flags of a query string, read the way parseUrl reads them: for starting the map
 * engine's download before the data (and so the full parse) is available.
 */
export function peekFlags(search: string): { embed: boolean; forceStatic: boolean } {
  const params = new URLSearchParams(search.length > MAX_QUERY_LENGTH ? '' : search);
  return { embed: flag(params.get('embed')) ?? false, forceStatic: flag(params.get('static')) ?? false };
}
