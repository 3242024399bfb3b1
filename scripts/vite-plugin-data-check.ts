/**
 * Stops the build when a fact file is malformed: the same schemas and consistency checks as the app
 * and the tests, with the file, the feature id and the field in the message.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { checkConsistency } from '../src/data/consistency.ts';
import type { AppData } from '../src/data/types.ts';
import { DATA_FILES } from '../src/data/types.ts';
import { DataError, type DataFileName, validateFile } from '../src/data/validate.ts';

/** Problems in the fact files under geoDir (empty when all is well). */
export function checkDataDir(geoDir: string): string[] {
  const problems: string[] = [];
  const data: Partial<Record<keyof AppData, unknown>> = {};
  for (const [key, file] of Object.entries(DATA_FILES) as [keyof AppData, string][]) {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(join(geoDir, file), 'utf8'));
    } catch (err) {
      problems.push(`${file}: cannot be read as JSON (${err instanceof Error ? err.message : String(err)})`);
      continue;
    }
    try {
      data[key] = validateFile(file as DataFileName, json);
    } catch (err) {
      problems.push(err instanceof DataError ? err.message : String(err));
    }
  }
  if (problems.length === 0) problems.push(...checkConsistency(data as AppData));
  return problems;
}

/** The Vite plugin: runs the checks before every build and dev-server start. */
export function dataCheckPlugin(geoDir = 'public/geo'): Plugin {
  return {
    name: 'coalition-data-check',
    buildStart() {
      const problems = checkDataDir(geoDir);
      if (problems.length) this.error(`The map data is invalid; fix these and build again:\n${problems.join('\n')}`);
    },
  };
}
