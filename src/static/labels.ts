/**
 * Greedy label placement for the SVG map: each label tries a few spots around its point and takes the
 * first that overlaps nothing placed before it, so there is no colliding text and the output is deterministic.
 */
import { esc, num } from './svg-escape.ts';

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface LabelRequest {
  text: string;
  /** An optional second, smaller line (e.g. "left 17 Jan 2026"). */
  sub?: string;
  x: number;
  y: number;
  /** Distance from the point to the text (the symbol's radius plus a gap). */
  offset: number;
  size: number;
  rtl: boolean;
  /** Extra attributes, already escaped (a class or a fill). */
  extra?: string;
  /**
   * Drawn only with the label (a city dot): taken with it, and must be free unless `overlap` (a capital
   * whose dot may sit under a site symbol, which is drawn above it).
   */
  anchor?: { box: Box; svg: string; overlap?: boolean };
  /** The sides to try, in order (default: right, left, above, below). */
  sides?: readonly Side[];
  /** More anchor points to try, in order, when no side of the first one is free (an area's label). */
  alternatives?: readonly [number, number][];
  /** Advance width per character in em, where the default estimate is wrong (spaced capitals). */
  em?: number;
}

export type Side = 'right' | 'left' | 'above' | 'below';

const SIDES: readonly Side[] = ['right', 'left', 'above', 'below'];
const SUB = 0.85; // size of the second line relative to the first
const LINE = 1.2; // line height in em

/** Approximate advance width in Noto Sans SemiBold, em per character (measured on place names; Arabic is narrower). */
export function textWidth(text: string, size: number, rtl: boolean, em = 0.56): number {
  return text.length * size * (rtl ? 0.5 : em);
}

/** True when two boxes intersect. */
export function overlaps(a: Box, b: Box): boolean {
  return a.x0 < b.x1 && a.x1 > b.x0 && a.y0 < b.y1 && a.y1 > b.y0;
}

function blockSize(l: LabelRequest): { w: number; h: number } {
  const first = l.em ? l.text.length * l.size * l.em : textWidth(l.text, l.size, l.rtl);
  const w = Math.max(first, l.sub ? textWidth(l.sub, l.size * SUB, l.rtl) : 0);
  const h = l.size * LINE + (l.sub ? l.size * SUB * LINE : 0);
  return { w, h };
}

/** The box a label would cover on a side of its point. */
export function labelBox(l: LabelRequest, side: Side): Box {
  const { w, h } = blockSize(l);
  // Padding keeps neighbouring labels from touching; the side facing the label's own point has none
  // (`offset` already sets that gap).
  const px = 2.5;
  const py = 1.5;
  switch (side) {
    case 'right':
      return { x0: l.x + l.offset, y0: l.y - h / 2 - py, x1: l.x + l.offset + w + px, y1: l.y + h / 2 + py };
    case 'left':
      return { x0: l.x - l.offset - w - px, y0: l.y - h / 2 - py, x1: l.x - l.offset, y1: l.y + h / 2 + py };
    case 'above':
      return { x0: l.x - w / 2 - px, y0: l.y - l.offset - h - py, x1: l.x + w / 2 + px, y1: l.y - l.offset };
    case 'below':
      return { x0: l.x - w / 2 - px, y0: l.y + l.offset, x1: l.x + w / 2 + px, y1: l.y + l.offset + h + py };
  }
}

/** The <text> element for a label on a side. In SVG, text-anchor start/end follow the writing direction. */
export function labelSvg(l: LabelRequest, side: Side): string {
  const box = labelBox(l, side);
  // The first baseline sits ~0.8 em below the top of its line box (Noto Sans ascent, with half-leading).
  const y = (side === 'below' ? box.y0 : box.y0 + 1.5) + l.size * 0.95;
  let x = l.x;
  let anchor = 'middle';
  if (side === 'right') {
    x += l.offset;
    anchor = l.rtl ? 'end' : 'start';
  } else if (side === 'left') {
    x -= l.offset;
    anchor = l.rtl ? 'start' : 'end';
  }
  const dir = l.rtl ? ' direction="rtl"' : '';
  const line = (ty: number, size: number, text: string, extra: string) =>
    `<text x="${num(x)}" y="${num(ty)}" font-size="${num(size)}" text-anchor="${anchor}"${dir}${extra}>${esc(text)}</text>`;
  const first = line(y, l.size, l.text, l.extra ?? '');
  if (!l.sub) return first;
  // Two <text> elements, not <tspan>s: renderers disagree on where a right-to-left tspan with its own x goes.
  const subExtra = `${(l.extra ?? '').replace(/ font-weight="[^"]*"/, '')} font-weight="400"`;
  return first + line(y + l.size * SUB * LINE, l.size * SUB, l.sub, subExtra);
}

/** One label placeLabels drew: its SVG, its anchor's SVG (a city dot, drawn below the sites) and its box. */
export interface Placed {
  svg: string;
  anchor?: string;
  box: Box;
}

/** Places labels in order (most important first); returns those that fit and adds their boxes to taken. */
export function placeLabels(labels: readonly LabelRequest[], taken: Box[], bounds: Box, sides = SIDES): Placed[] {
  const out: Placed[] = [];
  const free = (box: Box) => !taken.some((t) => overlaps(t, box));
  const inside = (box: Box) => box.x0 >= bounds.x0 && box.y0 >= bounds.y0 && box.x1 <= bounds.x1 && box.y1 <= bounds.y1;
  for (const first of labels) {
    if (first.anchor && !first.anchor.overlap && !free(first.anchor.box)) continue;
    const tries = [first, ...(first.alternatives ?? []).map(([x, y]) => ({ ...first, x, y }))];
    const spot = tries
      .flatMap((l) => (l.sides ?? sides).map((side) => ({ l, side, box: labelBox(l, side) })))
      .find(({ box }) => inside(box) && free(box));
    if (!spot) continue;
    taken.push(spot.box);
    if (first.anchor) taken.push(first.anchor.box);
    out.push({ svg: labelSvg(spot.l, spot.side), anchor: first.anchor?.svg, box: spot.box });
  }
  return out;
}
