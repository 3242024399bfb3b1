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

/** True inside an amp-iframe, by AMP's own markers (the `#amp=1` fragment or the frame name). */
export function isAmpFrame(hash: string, name: string): boolean {
  return /(?:^#|&)amp=1(?:&|$)/.test(hash) || /^amp_iframe\d+$/.test(name);
}

/** The pym child id from the query string, or null (ids are element ids: short, no spaces). */
export function pymChildId(search: string): string | null {
  const id = new URLSearchParams(search.length > MAX_QUERY_LENGTH ? '' : search).get('childId');
  return id && /^[\w:.-]{1,100}$/.test(id) ? id : null;
}

/**
 * True where a host keeps the frame as tall as its content: our loader (it adds `sized=1` to the
 * address), a pym.js parent (`childId`) or amp-iframe. Anywhere else (the iframe-only snippet, a CMS
 * that frames the URL) the frame has a fixed height and the embed fits its layout to it (embed.css).
 */
export function isHostSized(search: string, hash: string, name: string): boolean {
  const params = new URLSearchParams(search.length > MAX_QUERY_LENGTH ? '' : search);
  return params.get('sized') === '1' || pymChildId(search) !== null || isAmpFrame(hash, name);
}

/**
 * Marks the page as an embed (and as fitting a fixed-height frame) before the first paint, so the
 * prerendered map is drawn in the embed's layout rather than the page's. main.ts sets the same classes.
 */
export function markEmbed(root: HTMLElement, loc: { search: string; hash: string }, name: string): void {
  const { embed } = peekFlags(loc.search);
  root.classList.toggle('is-embed', embed);
  root.classList.toggle('is-fit', embed && !isHostSized(loc.search, loc.hash, name));
}
