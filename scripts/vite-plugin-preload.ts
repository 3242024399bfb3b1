/**
 * Loading order of the built index.html (issue 8). The first paint is the prerendered SVG map, and it
 * needs only the HTML and the style sheet; everything else starts right after the parser has passed
 * the map, so that it does not share the phone's bandwidth with them before that paint:
 * - the app's module script moves from <head> to the end of <body> (a module script runs after
 *   parsing wherever it stands; only its download starts later, by the time the SVG takes to arrive);
 * - the fact files and base-map layers that every reader of the page and of the embed fetches at start
 *   (src/data/types.ts) are preloaded there too, so they download alongside the script instead of
 *   after it has arrived and run. `as="fetch"` with `crossorigin` matches the app's own fetch() (CORS
 *   mode, same-origin credentials), so each file is fetched once.
 *
 * The map engine is deliberately not preloaded here: the same HTML serves the embed, which must not
 * fetch a byte of MapLibre until it nears the viewport. The page starts the engine from its script
 * instead (src/map/warm.ts).
 */
import type { Plugin } from 'vite';
import { BASEMAP_FILES, DATA_FILES } from '../src/data/types.ts';

/** The files preloaded, relative to the page (the site's base is './'). */
export const PRELOADED_DATA: readonly string[] = [...Object.values(DATA_FILES), ...Object.values(BASEMAP_FILES)].map(
  (f) => `./geo/${f}`,
);

const ENTRY = /[ \t]*<script type="module"[^>]*\ssrc="[^"]+"[^>]*><\/script>\n?/;

/** Moves the entry script to the end of body and adds the data preloads after it. */
export function reorderHtml(html: string): string {
  const headEnd = html.indexOf('</head>');
  const entry = ENTRY.exec(html.slice(0, headEnd));
  if (!entry || !html.includes('</body>')) throw new Error('preload plugin: no module script in <head> or no </body>');
  const preloads = PRELOADED_DATA.map((href) => `    <link rel="preload" as="fetch" crossorigin href="${href}" />`);
  const tail = [`    ${entry[0].trim()}`, ...preloads].join('\n');
  const withoutEntry = html.slice(0, entry.index) + html.slice(entry.index + entry[0].length);
  const bodyEnd = withoutEntry.lastIndexOf('</body>');
  return `${withoutEntry.slice(0, bodyEnd).trimEnd()}\n${tail}\n  ${withoutEntry.slice(bodyEnd)}`;
}

/** The preload plugin (builds only: the dev server serves the same files without it). */
export function preloadPlugin(): Plugin {
  return {
    name: 'coalition-preload',
    apply: 'build',
    transformIndexHtml: { order: 'post', handler: reorderHtml },
  };
}
