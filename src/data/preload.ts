/**
 * Starts the downloads of the files every reader's page fetches at start (the fact files and the base
 * map), before the app's code has arrived to ask for them (issue 8). `as="fetch"` with `crossorigin`
 * matches the loader's own fetch() (CORS mode, same-origin credentials), so each file is fetched once.
 * Inserted from the entry script after the first paint rather than written into the HTML, where they
 * would compete with the HTML and style sheet that the prerendered map needs.
 */
import { BASEMAP_FILES, DATA_FILES } from './types.ts';

/** The files preloaded, relative to the page. */
export const PRELOADED: readonly string[] = [...Object.values(DATA_FILES), ...Object.values(BASEMAP_FILES)].map(
  (f) => `geo/${f}`,
);

/** Inserts the preloads; resolves when every one has arrived or failed (never rejects). */
export function preloadData(doc: Document = document): Promise<void> {
  const done: Promise<void>[] = [];
  for (const href of PRELOADED) {
    const link = doc.createElement('link');
    link.rel = 'preload';
    link.as = 'fetch';
    link.crossOrigin = 'anonymous';
    link.href = new URL(href, doc.baseURI).href;
    done.push(
      new Promise((resolve) => {
        link.addEventListener('load', () => resolve(), { once: true });
        link.addEventListener('error', () => resolve(), { once: true });
      }),
    );
    doc.head.append(link);
  }
  return Promise.all(done).then(() => {});
}
