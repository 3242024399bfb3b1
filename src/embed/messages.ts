/**
 * The postMessage contract between the map and its host (docs/ARCHITECTURE.md, Embedding): the
 * commands a host may send, validated with zod/mini, and who may send them or hear our replies.
 * Anything that does not parse is dropped without a word: a host page is not ours to trust.
 */
import * as z from 'zod/mini';
import { LANGS } from '../data/schema.ts';
import { isIsoDate } from '../data/dates.ts';

/** Every message of ours, both ways, starts with this, so hosts can tell ours from others'. */
export const PREFIX = 'coalition-map:';

const date = z.string().check(z.maxLength(10), z.refine(isIsoDate));

/** Host → map commands: strict objects, so an extra key (even `__proto__`) fails the whole message. */
export const command = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('coalition-map:set-date'), date }),
  z.strictObject({ type: z.literal('coalition-map:set-theme'), theme: z.enum(['auto', 'light', 'dark']) }),
  z.strictObject({ type: z.literal('coalition-map:set-lang'), lang: z.enum(LANGS) }),
]);
export type Command = z.infer<typeof command>;

// A real command has two keys; anything much bigger is not worth handing to the parser.
const MAX_KEYS = 4;

/** The command in data, or null for anything else (strings, arrays, junk, wrong types, extra keys). */
export function parseCommand(data: unknown): Command | null {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
  if (Object.getPrototypeOf(data) !== Object.prototype) return null;
  const type: unknown = (data as { type?: unknown }).type;
  if (typeof type !== 'string' || type.length > 40 || !type.startsWith(PREFIX)) return null;
  if (Object.keys(data).length > MAX_KEYS) return null;
  const result = command.safeParse(data);
  return result.success ? result.data : null;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);
const MAX_ORIGINS = 10;

/** One origin as written in ?origin=: https, or http on a loopback host for development; else null. */
export function parseOrigin(value: string): string | null {
  if (value.length > 200) return null;
  try {
    const u = new URL(value);
    const ok = u.protocol === 'https:' || (u.protocol === 'http:' && LOOPBACK.has(u.hostname));
    // The origin must be written as an origin: no path, query, user or fragment smuggled in.
    return ok && (u.origin === value || `${u.origin}/` === value) ? u.origin : null;
  } catch {
    return null;
  }
}

/**
 * The origins a host restricted the API to with ?origin=a,b; null when the parameter is absent.
 * A list that names no valid origin restricts to nothing (fails closed) and says so in the console.
 */
export function parseOrigins(search: string): ReadonlySet<string> | null {
  const raw = new URLSearchParams(search.length > 4096 ? '' : search).get('origin');
  if (raw === null) return null;
  const parts = raw.split(',').slice(0, MAX_ORIGINS);
  const origins = new Set(parts.map((p) => parseOrigin(p.trim())).filter((o): o is string => o !== null));
  if (origins.size < parts.length) console.warn('Embed: ignored invalid entries in ?origin=; use https:// origins');
  return origins;
}

/** Sends a message to the host window: to the allowed origins when restricted, else to any. */
export type Post = (message: unknown) => void;

/** A Post to window.parent (a no-op in a top-level window, which has no host to tell). */
export function createPost(origins: ReadonlySet<string> | null, target: Window | null = hostWindow()): Post {
  // Posting to an origin the host does not have logs a console error, so aim at the one we can see.
  const known = hostOrigin();
  const targets = origins === null ? ['*'] : known && origins.has(known) ? [known] : known ? [] : [...origins];
  return (message) => {
    if (!target) return;
    try {
      for (const origin of targets) target.postMessage(message, origin);
    } catch {
      // A message that cannot be cloned or a detached host: nothing the reader can fix.
    }
  };
}

/** The host window, or null when the page is not framed. */
export function hostWindow(): Window | null {
  return window.parent !== window ? window.parent : null;
}

/** The host page's origin where the browser tells (ancestorOrigins, else the referrer), or null. */
function hostOrigin(): string | null {
  if (!hostWindow()) return null;
  const ancestors = location.ancestorOrigins;
  if (ancestors?.length) return ancestors[0] ?? null;
  try {
    return document.referrer ? new URL(document.referrer).origin : null;
  } catch {
    return null;
  }
}
