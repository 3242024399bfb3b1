/**
 * embed.js, the host-page loader (built to dist/embed.js; no imports, no dependencies): turns every
 * `<div data-coalition-map>` into an iframe of the map, keeps it as tall as its content from our
 * `coalition-map:size` messages, and exposes `window.CoalitionMap.send(el, {type, ...})`.
 * Everything lives in one function scope: a classic script's top-level names would be the host's globals.
 */
(() => {
  interface Api {
    /** Posts a command to the map in el (the placeholder or its iframe); `type` may omit the prefix. */
    send(el: Element, message: { type: string; [key: string]: unknown }): boolean;
    /** Turns placeholders added after load into maps. */
    scan(): void;
  }
  const w = window as unknown as { CoalitionMap?: Api };
  // The snippet pasted twice loads this twice: the first copy does the work.
  if (w.CoalitionMap) {
    w.CoalitionMap.scan();
    return;
  }

  const PREFIX = 'coalition-map:';
  // Matches FALLBACK_HEIGHT in snippets.ts: map and slider fit in it before the first size message.
  const INITIAL_HEIGHT = 640;
  const MAX_HEIGHT = 20000;
  // The map's own title per language (app.title in src/i18n), so screen readers can name the frame.
  const TITLES: Record<string, string> = {
    en: 'The coalition in Iraq and Syria: the announced transition and what happened',
    de: 'Die Koalition im Irak und in Syrien: der angekündigte Übergang und was geschah',
    fr: 'La coalition en Irak et en Syrie\u00a0: la transition annoncée et ce qui s’est passé',
    ar: 'التحالف في العراق وسوريا: المرحلة الانتقالية المعلنة وما حدث فعلاً',
  };
  // The map lives next to this script unless a placeholder names another address (data-src).
  const script = document.currentScript as HTMLScriptElement | null;
  const base = new URL('.', script?.src || location.href).href;
  const frames = new Map<Element, HTMLIFrameElement>();

  const build = (el: HTMLElement) => {
    if (frames.has(el)) return;
    const d = el.dataset;
    let src: URL;
    try {
      src = new URL(d.src || base, location.href);
    } catch {
      return;
    }
    if (src.protocol !== 'https:' && src.protocol !== 'http:') return;
    for (const key of ['date', 'lang', 'theme'] as const) {
      const value = d[key];
      if (value) src.searchParams.set(key, value);
    }
    src.searchParams.set('embed', '1');
    // Tells the map that this frame follows its content's height (else it fits itself to the frame).
    src.searchParams.set('sized', '1');
    const iframe = document.createElement('iframe');
    iframe.src = src.href;
    iframe.title = TITLES[d.lang ?? ''] ?? TITLES.en ?? '';
    iframe.setAttribute('loading', 'lazy');
    iframe.allow = 'fullscreen; clipboard-write';
    iframe.referrerPolicy = 'strict-origin-when-cross-origin';
    iframe.width = '100%';
    iframe.height = String(INITIAL_HEIGHT);
    iframe.style.cssText = `border:0;display:block;width:100%;height:${INITIAL_HEIGHT}px`;
    el.replaceChildren(iframe);
    frames.set(el, iframe);
  };

  const scan = () => {
    for (const el of document.querySelectorAll<HTMLElement>('div[data-coalition-map]')) build(el);
  };

  const frameOf = (el: Element): HTMLIFrameElement | undefined =>
    el instanceof HTMLIFrameElement ? el : frames.get(el);

  addEventListener('message', (e) => {
    for (const [el, iframe] of frames) {
      if (e.source !== iframe.contentWindow) continue;
      // Only the map we framed, from the origin we framed it at, may resize it.
      if (e.origin !== new URL(iframe.src).origin) return;
      const data: unknown = e.data;
      if (typeof data !== 'object' || data === null) return;
      const type = (data as { type?: unknown }).type;
      if (typeof type !== 'string' || type.indexOf(PREFIX) !== 0) return;
      if (type === `${PREFIX}size`) {
        const height = Number((data as { height?: unknown }).height);
        if (!(height > 0 && height <= MAX_HEIGHT)) return;
        iframe.height = String(Math.ceil(height));
        iframe.style.height = `${Math.ceil(height)}px`;
        // The snippet's reserved height has done its work: from now on the frame's own height counts.
        if (el instanceof HTMLElement) el.style.minHeight = '';
      }
      if (type === `${PREFIX}reveal`) {
        // The reader opened a panel (the table, a site's details) in the frame: scroll the page so it
        // shows, its top first when it is taller than the window, and only as far as needed.
        const top = Number((data as { top?: unknown }).top);
        const height = Number((data as { height?: unknown }).height);
        if (!(top >= 0 && top <= MAX_HEIGHT && height >= 0 && height <= MAX_HEIGHT)) return;
        const margin = 12;
        const start = iframe.getBoundingClientRect().top + top;
        const end = start + height;
        const view = window.innerHeight;
        let by = 0;
        if (start < margin) by = start - margin;
        else if (end > view - margin) by = Math.min(end - view + margin, start - margin);
        if (by) window.scrollBy(0, by);
      }
      // Hosts can listen on the placeholder for coalition-map:ready, :state, :size and :reveal.
      el.dispatchEvent(new CustomEvent(type, { bubbles: true, detail: data }));
      return;
    }
  });

  w.CoalitionMap = {
    send(el, message) {
      const iframe = frameOf(el);
      const win = iframe?.contentWindow;
      if (!iframe || !win || !message || typeof message.type !== 'string') return false;
      const type = message.type.indexOf(PREFIX) === 0 ? message.type : PREFIX + message.type;
      win.postMessage({ ...message, type }, new URL(iframe.src).origin);
      return true;
    },
    scan,
  };
  scan();
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', scan);
})();
