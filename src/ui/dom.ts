/** Element building without innerHTML: text always goes through textContent, links are checked. */

type Attrs = Record<string, string | number | boolean | undefined | null>;

/** Creates an element with attributes and children (strings become text nodes). */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Node | string | null | undefined | false)[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') el.className = String(v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === 'string' ? document.createTextNode(c) : c);
  }
  return el;
}

/**
 * Sets a node's text only when it differs. Controls re-render on every slider step, and rewriting an
 * unchanged text still replaces its text node and costs a relayout (issue 8).
 */
export function setText(el: Node, text: string): void {
  if (el.textContent !== text) el.textContent = text;
}

/** Sets an attribute only when it differs (see setText). */
export function setAttr(el: Element, name: string, value: string): void {
  if (el.getAttribute(name) !== value) el.setAttribute(name, value);
}

/** True for absolute http(s) URLs only: anything else (javascript:, data:) never becomes a link. */
export function isSafeUrl(url: unknown): url is string {
  if (typeof url !== 'string') return false;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}

/** An external link that opens in a new tab without handing the opener or referrer over. */
export function externalLink(url: string, text: string): HTMLAnchorElement | HTMLSpanElement {
  if (!isSafeUrl(url)) return h('span', {}, text);
  return h('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, text);
}

/**
 * Rebuilds the contents of a list of site buttons and gives focus back to the same site's new button
 * when the old one had it (a rebuild would otherwise drop the keyboard user to the page's start).
 */
export function keepingSiteFocus(root: HTMLElement, rebuild: () => void): void {
  const had = root.contains(document.activeElement) ? (document.activeElement as HTMLElement).dataset.site : null;
  rebuild();
  if (had) root.querySelector<HTMLElement>(`[data-site="${CSS.escape(had)}"]`)?.focus();
}
