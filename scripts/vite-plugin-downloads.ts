/**
 * Writes "Download the data" into the build (dist/data/: the CSV, the GeoJSON bundle, the README with the
 * licence), made from public/geo by scripts/data-downloads.ts. The dev server serves the same files.
 * The page never loads them, so they count in no byte budget.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { DOWNLOAD_FILES } from '../src/data/download-files.ts';
import { type AppData, DATA_FILES } from '../src/data/types.ts';
import { type DataFileName, validateFile } from '../src/data/validate.ts';
import { factsCsv, factsGeojson, readmeText } from './data-downloads.ts';

/** The five fact files under geoDir, validated (the data check has stopped the build before an invalid one). */
export function readFacts(geoDir: string): AppData {
  const read = <F extends DataFileName>(file: F) =>
    validateFile(file, JSON.parse(readFileSync(join(geoDir, file), 'utf8')));
  return {
    presence: read(DATA_FILES.presence),
    ain: read(DATA_FILES.ain),
    zone: read(DATA_FILES.zone),
    timeline: read(DATA_FILES.timeline),
    sources: read(DATA_FILES.sources),
  };
}

/** The download files, by their path in the built site. */
export function downloadFiles(data: AppData): Record<string, string> {
  return {
    [DOWNLOAD_FILES.csv]: factsCsv(data),
    [DOWNLOAD_FILES.geojson]: `${JSON.stringify(factsGeojson(data), null, 2)}\n`,
    [DOWNLOAD_FILES.readme]: readmeText(data),
  };
}

const DEV_TYPES: Record<string, string> = {
  csv: 'text/csv; charset=utf-8',
  geojson: 'application/geo+json; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
};

/** The plugin: emits the files with the bundle (builds), answers for them on the dev server. */
export function downloadsPlugin(geoDir = 'public/geo'): Plugin {
  let root = process.cwd();
  return {
    name: 'coalition-downloads',
    configResolved(config) {
      root = config.root;
    },
    generateBundle() {
      for (const [fileName, source] of Object.entries(downloadFiles(readFacts(resolve(root, geoDir))))) {
        this.emitFile({ type: 'asset', fileName, source });
      }
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = new URL(req.url ?? '/', 'http://x').pathname.slice(1);
        if (!(Object.values(DOWNLOAD_FILES) as string[]).includes(path)) return next();
        const body = downloadFiles(readFacts(resolve(root, geoDir)))[path]!;
        res.setHeader('content-type', DEV_TYPES[path.replace(/^.*\./, '')] ?? 'application/octet-stream');
        res.setHeader('cache-control', 'no-cache');
        res.end(body);
      });
    },
  };
}
