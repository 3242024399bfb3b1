/**
 * Bringing a panel into view when the reader opens it (the table, a site's details). On the page, and
 * in a frame that scrolls, the browser does it. In a frame the host keeps as tall as its content there
 * is nothing to scroll inside: the host page must scroll, so we ask it, in embed.js's dialect
 * (`coalition-map:reveal`, the panel's top and height in the frame) and in Pym's (`scrollToChildPos`).
 */
import { hostWindow, PREFIX, type Post } from './messages.ts';

/** Scrolls el into view; its owner calls this right after showing it. */
export type Reveal = (el: HTMLElement) => void;

/** Reveal on a standalone page. */
export const revealOnPage: Reveal = (el) => el.scrollIntoView({ block: 'nearest' });

/** Reveal in an embed: scroll inside the frame, and ask the host to scroll to the panel as well. */
export function revealInFrame(post: Post, pymChildId: string | null): Reveal {
  return (el) => {
    el.scrollIntoView({ block: 'nearest' });
    if (!hostWindow()) return;
    // After the frame's new height has gone out (size.ts reports from a ResizeObserver, which runs
    // after this frame's animation callbacks): a panel that made the page taller lies below the
    // frame's old bottom, where the host page could not scroll to yet.
    requestAnimationFrame(() =>
      window.setTimeout(() => {
        const rect = el.getBoundingClientRect();
        const top = Math.max(0, Math.round(rect.top + window.scrollY));
        const height = Math.max(0, Math.round(rect.height));
        post({ type: `${PREFIX}reveal`, top, height });
        if (pymChildId) post(['pym', pymChildId, 'scrollToChildPos', String(top)].join('xPYMx'));
      }, 0),
    );
  };
}
