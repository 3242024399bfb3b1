/**
 * Vite plugin for the static map: inlines the prerendered SVG and its alt text into index.html
 * (`<!--static-map-->`, `<!--static-alt-->`), and after a build writes the per-phase images to dist/static/.
 */
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { esc } from '../src/static/svg-escape.ts';
import { buildStaticImages, inputsStamp, loadStaticInputs, prerender } from './static-images.ts';

const MAP_MARK = '<!--static-map-->';
const ALT_MARK = '<!--static-alt-->';

/** The static-map plugin: prerender in transformIndexHtml, images in closeBundle (builds only). */
export function staticImagesPlugin(): Plugin {
  let root = process.cwd();
  let outDir = resolve(root, 'dist');
  let isBuild = false;
  // The dev server transforms index.html on every request: render once per change of the data files.
  let cache: { stamp: string; svg: string; alt: string } | null = null;

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
      const { svg, alt } = rendered();
      // Function replacers: a `$` in the data must not be read as a replacement pattern.
      return html.replace(MAP_MARK, () => svg).replace(ALT_MARK, () => esc(alt));
    },
    closeBundle() {
      if (!isBuild) return;
      const images = buildStaticImages({ root, outDir });
      console.info(`static images: ${images.length} written to ${resolve(outDir, 'static')}`);
    },
  };
}
