// Deterministic GeoJSON and manifest writing: fixed key order, one feature per line, no timestamps
// unless the content changed.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * A Feature with the id repeated at top level (MapLibre's promoteId-free feature id) and in properties.
 * @param {string} id @param {Record<string, any>} properties @param {import('geojson').Geometry | null} geometry
 * @returns {{ type: 'Feature', id: string, properties: Record<string, any> & { id: string }, geometry: import('geojson').Geometry | null }}
 */
export function feature(id, properties, geometry) {
  return { type: 'Feature', id, properties: { id, ...properties }, geometry };
}

/** FeatureCollection text: one feature per line, so diffs of the committed files stay readable. */
/** @param {unknown[]} features */
export function serialize(features) {
  const body = features.map((f) => JSON.stringify(f)).join(',\n');
  return `{"type":"FeatureCollection","features":[\n${body}\n]}\n`;
}

/** @param {string} text */
function stats(text) {
  const buf = Buffer.from(text, 'utf8');
  return {
    bytes: buf.length,
    gzipBytes: gzipSync(buf, { level: 9 }).length,
    sha256: createHash('sha256').update(buf).digest('hex'),
  };
}

/**
 * Writes every layer and manifest.json. The generation date is kept from the previous manifest when no
 * file changed (so a rerun is byte-identical); SOURCE_DATE_EPOCH, if set, wins.
 */
/**
 * @param {string} dir
 * @param {{ file: string, features: unknown[], sources: unknown }[]} layers
 * @param {Record<string, unknown>} meta
 */
export function writeAll(dir, layers, meta) {
  /** @type {Record<string, { features: number, bytes: number, gzipBytes: number, sha256: string, sources: unknown }>} */
  const files = {};
  for (const { file, features, sources } of layers) {
    const text = serialize(features);
    writeFileSync(join(dir, file), text);
    files[file] = { features: features.length, ...stats(text), sources };
  }
  const manifestPath = join(dir, 'manifest.json');
  const previous = existsSync(manifestPath) ? JSON.parse(readFileSync(manifestPath, 'utf8')) : null;
  const unchanged =
    previous?.files &&
    Object.keys(previous.files).length === Object.keys(files).length &&
    Object.entries(files).every(([f, s]) => previous.files[f]?.sha256 === s.sha256);
  const epoch = process.env.SOURCE_DATE_EPOCH;
  const generated = epoch
    ? new Date(Number(epoch) * 1000).toISOString().slice(0, 10)
    : unchanged && previous.generated
      ? previous.generated
      : new Date().toISOString().slice(0, 10);
  const total = Object.values(files).reduce(
    (t, s) => ({ bytes: t.bytes + s.bytes, gzipBytes: t.gzipBytes + s.gzipBytes }),
    { bytes: 0, gzipBytes: 0 },
  );
  const manifest = { generated, ...meta, files, total };
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}
