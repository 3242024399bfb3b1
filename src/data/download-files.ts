/**
 * Where the "Download the data" files are in the built site, relative to the page (written at build
 * time by scripts/vite-plugin-downloads.ts from public/geo; linked by src/ui/downloads.ts).
 */
export const DOWNLOAD_FILES = {
  csv: 'data/coalition-iraq-syria-site-periods.csv',
  geojson: 'data/coalition-iraq-syria.geojson',
  readme: 'data/README.txt',
} as const;

export type DownloadKind = keyof typeof DOWNLOAD_FILES;
