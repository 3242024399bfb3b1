/** The live facts in public/geo/, validated with the app's schemas: for the data checks and the one smoke test on the real files. */
import { readFileSync } from 'node:fs';
import type { AppData } from '../../src/data/types.ts';
import { validateFile } from '../../src/data/validate.ts';

/** The parsed JSON of a file in public/geo/, not validated. */
export function liveJson(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`../../public/geo/${name}`, import.meta.url), 'utf8'));
}

/** A fresh copy of the live facts (tests may change it). */
export function liveData(): AppData {
  return {
    presence: validateFile('coalition-presence.geojson', liveJson('coalition-presence.geojson')),
    ain: validateFile('ain-al-asad.geojson', liveJson('ain-al-asad.geojson')),
    zone: validateFile('ne-syria-threat-zone.geojson', liveJson('ne-syria-threat-zone.geojson')),
    timeline: validateFile('timeline.json', liveJson('timeline.json')),
    sources: validateFile('sources.json', liveJson('sources.json')),
  };
}
