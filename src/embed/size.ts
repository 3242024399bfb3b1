/**
 * Tells the host how tall the embed is, whenever that changes, in the three dialects hosts speak:
 * the Pym.js child protocol (pym.v1 `pymxPYMx<id>xPYMxheightxPYMx<px>`, answering pym's `width`),
 * AMP's `embed-size` (only inside amp-iframe), and our own `coalition-map:size` for embed.js.
 */
import { isAmpFrame, pymChildId } from '../state/url-flags.ts';
import { hostWindow, PREFIX, type Post } from './messages.ts';

export { isAmpFrame, isHostSized, pymChildId } from '../state/url-flags.ts';

export interface SizeOptions {
  /** The query string the page was opened with (pym's parent adds `childId`). */
  search: string;
  /** location.hash at start: amp-iframe adds `#amp=1` to the src when it has no fragment. */
  hash: string;
  /** window.name at start: amp-iframe names its frames `amp_iframe<n>`. */
  name: string;
  post: Post;
}

const DELIM = 'xPYMx';
// Heights past this are a layout bug, not a map; no host should be asked for them.
const MAX_HEIGHT = 20_000;

/** The document's content height in CSS px: the body's box, which ignores the frame's own height. */
export function contentHeight(): number {
  return Math.ceil(document.body.getBoundingClientRect().height);
}

/** Starts reporting; returns a stop function. */
export function startSizeReporting(opts: SizeOptions): () => void {
  const host = hostWindow();
  if (!host) return () => {};
  const root = document.documentElement;
  const childId = pymChildId(opts.search);
  const amp = isAmpFrame(opts.hash, opts.name);
  let sent = -1;
  let lastInner = window.innerHeight;

  const report = (force = false) => {
    const height = Math.min(contentHeight(), MAX_HEIGHT);
    if (height <= 0 || (height === sent && !force)) return;
    sent = height;
    if (childId) opts.post(['pym', childId, 'height', String(height)].join(DELIM));
    if (amp) opts.post({ sentinel: 'amp', type: 'embed-size', height });
    opts.post({ type: `${PREFIX}size`, height });
  };

  // Once the frame has grown or shrunk to a height we asked for, the host is sizing us: from then
  // on a scroll bar could only flicker (its width changes the map's height), so hide overflow.
  const onResize = () => {
    const inner = window.innerHeight;
    if (inner !== lastInner && Math.abs(inner - sent) <= 2) root.classList.add('is-host-sized');
    lastInner = inner;
    report();
  };

  const pymWidth = childId ? `pym${DELIM}${childId}${DELIM}width${DELIM}` : null;
  const onMessage = (e: MessageEvent) => {
    // pym's parent sends the container width on load and on every window resize; it expects a height back.
    if (pymWidth && e.source === host && typeof e.data === 'string' && e.data.startsWith(pymWidth)) report(true);
  };

  const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(() => report()) : null;
  observer?.observe(document.body);
  observer?.observe(root);
  const onLoad = () => report(true);
  window.addEventListener('resize', onResize);
  window.addEventListener('load', onLoad);
  window.addEventListener('message', onMessage);
  void document.fonts?.ready.then(() => report());
  report(true);

  return () => {
    observer?.disconnect();
    window.removeEventListener('resize', onResize);
    window.removeEventListener('load', onLoad);
    window.removeEventListener('message', onMessage);
  };
}
