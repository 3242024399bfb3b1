/**
 * The benchmark's static server, on 127.0.0.1 only: dist/ at /, the bench pages at /bench/, and the
 * two node_modules folders the baseline page needs. It behaves like an ordinary static host (the same
 * gzip as tests/browser/server.ts, plus validators): text is gzip -9 compressed (once, then kept in
 * memory, so compressing does not steal CPU from the browser being measured), every response has an
 * ETag, hashed files under /assets/ are cacheable for a year (Vite's deployment advice), everything
 * else is `no-cache` (revalidated with If-None-Match → 304). Every response carries `x-bench-id`, and
 * `log` keeps what was sent for it (body and header bytes), so the benchmark knows the bytes of each
 * request exactly, including the ones DevTools reports without a size (a worker's main script).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

// Content types by extension, shared with the test server (tests/browser/server.ts).
/** @type {Record<string, string>} */
const TYPES = JSON.parse(readFileSync(new URL('../mime-types.json', import.meta.url), 'utf8'));

/**
 * Starts the server. mounts: [urlPrefix, folder] pairs, longest prefix first wins.
 * @param {[string, string][]} mounts
 * @returns {Promise<{url: string, log: {id: number, url: string, status: number, bytes: number}[], close(): Promise<void>}>}
 */
export async function startBenchServer(mounts) {
  /** @type {[string, string][]} */
  const sorted = [...mounts].sort((a, b) => b[0].length - a[0].length).map(([p, dir]) => [p, resolve(dir)]);
  /** @type {Map<string, {mtime: number, body: Buffer, gz: Buffer | null, etag: string}>} */
  const cache = new Map();
  /** @type {{id: number, url: string, status: number, bytes: number}[]} */
  const log = [];
  // Status line and header block as written on the wire, approximately (HTTP/1.1).
  /** @type {(status: number, headers: Record<string, string>) => number} */
  const headerBytes = (_status, headers) =>
    17 + Object.entries(headers).reduce((n, [k, v]) => n + k.length + String(v).length + 4, 0) + 2 + 60;

  /** @param {string} file */
  const entry = (file) => {
    const mtime = statSync(file).mtimeMs;
    const hit = cache.get(file);
    if (hit && hit.mtime === mtime) return hit;
    const body = readFileSync(file);
    const type = TYPES[extname(file)] ?? '';
    const gz = /text|json|svg|javascript/.test(type) ? gzipSync(body, { level: 9 }) : null;
    const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
    const e = { mtime, body, gz, etag };
    cache.set(file, e);
    return e;
  };

  const server = createServer((req, res) => {
    const id = log.length + 1;
    /** @type {(status: number, headers: Record<string, string>, body?: Buffer) => void} */
    const send = (status, headers, body) => {
      const all = { ...headers, 'x-bench-id': String(id) };
      log.push({ id, url: req.url ?? '', status, bytes: headerBytes(status, all) + (body?.length ?? 0) });
      res.writeHead(status, all).end(body);
    };
    try {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      const mount = sorted.find(([prefix]) => path.startsWith(prefix));
      if (!mount) return send(404, {});
      const [prefix, dir] = mount;
      let file = normalize(join(dir, path.slice(prefix.length)));
      if (file !== dir && !file.startsWith(dir + sep)) return send(403, {});
      if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
      if (!existsSync(file)) return send(404, { 'content-type': 'text/plain' }, Buffer.from('not found'));
      const e = entry(file);
      const immutable = prefix === '/' && path.startsWith('/assets/');
      /** @type {Record<string, string>} */
      const headers = {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
        etag: e.etag,
      };
      if (e.gz) headers.vary = 'accept-encoding';
      if (req.headers['if-none-match'] === e.etag) return send(304, headers);
      const gz = e.gz && /\bgzip\b/.test(String(req.headers['accept-encoding']));
      const body = gz && e.gz ? e.gz : e.body;
      if (gz) headers['content-encoding'] = 'gzip';
      headers['content-length'] = String(body.length);
      send(200, headers, req.method === 'HEAD' ? undefined : body);
    } catch (err) {
      send(500, {}, Buffer.from(String(err)));
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(undefined)));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    url: `http://127.0.0.1:${port}/`,
    log,
    close: () =>
      /** @type {Promise<void>} */ (
        new Promise((ok) => {
          server.closeAllConnections();
          server.close(() => ok());
        })
      ),
  };
}
