/**
 * Vite plugin for the static map: inlines the prerendered SVG and its alt text into index.html
 * (`<!--static-map-->`, `<!--static-alt-->`), adds a noscript image of the default view (static/og.png,
 * with the same alt text as images.json gives it), and after a build writes the per-phase images to dist/static/.
 */
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { esc } from '../src/static/svg-escape.ts';
import { buildStaticImages, IMAGE, inputsStamp, loadStaticInputs, prerender } from './static-images.ts';

const MAP_MARK = '<!--static-map-->';
const ALT_MARK = '<!--static-alt-->';
const AS_OF_MARK = '<!--as-of-->';

/**
 * The image (with legend) for readers without JavaScript, after the page's own noscript text. Its alt
 * text is altText() for the default date in English: the `og` entry of static/images.json.
 */
export function noscriptImage(alt: string): string {
  return `<noscript><figure class="noscript-map"><img src="static/og.png" width="${IMAGE.width}" height="${IMAGE.height}" alt="${esc(alt)}" /></figure></noscript>`;
}

/** The static-map plugin: prerender in transformIndexHtml, images in closeBundle (builds only). */
export function staticImagesPlugin(): Plugin {
  let root = process.cwd();
  let outDir = resolve(root, 'dist');
  let isBuild = false;
  // The dev server transforms index.html on every request: render once per change of the data files.
  let cache: { stamp: string; svg: string; alt: string; asOf: string } | null = null;

  const rendered = () => {
    const stamp = inputsStamp(root);
    if (cache?.stamp !== stamp) cache = { stamp, ...prerender(loadStaticInputs(root)) };
    return cache;
  };

  return {
    name: 'coalition-static-images',
    configResolved(config) {
      root = config.root;
      outDir = resolve(config.root, config.build.outDir);
      isBuild = config.command === 'build';
    },
    transformIndexHtml(html) {
      if (!html.includes(MAP_MARK) && !html.includes(ALT_MARK)) return html;
      const { svg, alt, asOf } = rendered();
      // Function replacers: a `$` in the data must not be read as a replacement pattern.
      return html
        .replace(MAP_MARK, () => svg)
        .replace(ALT_MARK, () => esc(alt))
        .replace(AS_OF_MARK, () => esc(asOf))
        .replace('</body>', () => `${noscriptImage(alt)}\n  </body>`);
    },
    closeBundle() {
      if (!isBuild) return;
      const images = buildStaticImages({ root, outDir });
      console.info(`static images: ${images.length} written to ${resolve(outDir, 'static')}`);
    },
  };
}
