/** A small static file server for the built site (and test host pages), on 127.0.0.1 only. */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { createGzip } from 'node:zlib';

// Content types by extension, shared with the benchmark's server (scripts/bench/server.mjs).
const TYPES: Record<string, string> = JSON.parse(
  readFileSync(new URL('../../scripts/mime-types.json', import.meta.url), 'utf8'),
);

export type Override = (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>;

export interface ServerOptions {
  root: string;
  /** Extra headers on every response (e.g. a Content-Security-Policy). */
  headers?: Record<string, string>;
  /** Compress text responses with gzip, as a typical host does. */
  gzip?: boolean;
  /** Handlers tried before the file system; return true when handled. */
  overrides?: Override[];
  /**
   * Send the cache headers the README asks a host for (cacheControlFor) with an ETag and a
   * Last-Modified, and answer conditional requests with 304. Off: every file is `no-cache`, no validators.
   */
  caching?: boolean;
}

/**
 * The Cache-Control a host should send for a path of the built site (README, "Hosting: cache headers"):
 * the content-hashed files in assets/ never change under their name; everything else keeps its name
 * when it changes (index.html, embed.js, geo/, data/, static/) and is revalidated on every use.
 */
export function cacheControlFor(path: string): string {
  return /(^|\/)assets\/[^/]+$/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/** The validators of a file: a strong ETag from its bytes (a change within the same second still shows) and its mtime. */
function validators(file: string): { etag: string; lastModified: string } {
  const etag = `"${createHash('sha1').update(readFileSync(file)).digest('base64url')}"`;
  return { etag, lastModified: statSync(file).mtime.toUTCString() };
}

/** RFC 9110 §13.2.2: If-None-Match decides when present; If-Modified-Since only without it. */
function notModified(req: IncomingMessage, v: { etag: string; lastModified: string }): boolean {
  const inm = req.headers['if-none-match'];
  if (inm !== undefined)
    return inm.split(',').some((tag) => tag.trim().replace(/^W\//, '') === v.etag || tag.trim() === '*');
  const ims = req.headers['if-modified-since'];
  if (ims === undefined) return false;
  const since = Date.parse(ims);
  return !Number.isNaN(since) && Date.parse(v.lastModified) <= since;
}

export interface TestServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Starts a server on a free port of 127.0.0.1. */
export async function startServer(opts: ServerOptions): Promise<TestServer> {
  const root = resolve(opts.root);
  const server = createServer(async (req, res) => {
    try {
      for (const o of opts.overrides ?? []) if (await o(req, res)) return;
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      let file = normalize(join(root, path));
      if (!file.startsWith(root)) {
        res.writeHead(403).end();
        return;
      }
      if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
      if (!existsSync(file)) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      const headers: Record<string, string> = { 'content-type': type, 'cache-control': 'no-cache' };
      if (opts.caching) {
        const v = validators(file);
        Object.assign(headers, {
          'cache-control': cacheControlFor(path),
          etag: v.etag,
          'last-modified': v.lastModified,
        });
        if (notModified(req, v)) {
          res.writeHead(304, { ...headers, ...opts.headers }).end();
          return;
        }
      }
      Object.assign(headers, opts.headers);
      const gz =
        opts.gzip && /text|json|svg|javascript/.test(type) && /gzip/.test(String(req.headers['accept-encoding']));
      if (gz) {
        res.writeHead(200, { ...headers, 'content-encoding': 'gzip', vary: 'accept-encoding' });
        createReadStream(file)
          .pipe(createGzip({ level: 9 }))
          .pipe(res);
      } else {
        res.writeHead(200, { ...headers, 'content-length': String(statSync(file).size) });
        createReadStream(file).pipe(res);
      }
    } catch (err) {
      res.writeHead(500).end(String(err));
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
