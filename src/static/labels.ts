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
  /** Drawn only with the label (a city dot): must be free too, and is taken with it. */
  anchor?: { box: Box; svg: string };
  /** The sides to try, in order (default: right, left, above, below). */
  sides?: readonly Side[];
}

export type Side = 'right' | 'left' | 'above' | 'below';

const SIDES: readonly Side[] = ['right', 'left', 'above', 'below'];
const SUB = 0.85; // size of the second line relative to the first
const LINE = 1.2; // line height in em

/** Approximate advance width in Noto Sans, em per character (measured on place names; Arabic is narrower). */
function textWidth(text: string, size: number, rtl: boolean): number {
  return text.length * size * (rtl ? 0.5 : 0.56);
}

function overlaps(a: Box, b: Box): boolean {
  return a.x0 < b.x1 && a.x1 > b.x0 && a.y0 < b.y1 && a.y1 > b.y0;
}

function blockSize(l: LabelRequest): { w: number; h: number } {
  const w = Math.max(textWidth(l.text, l.size, l.rtl), l.sub ? textWidth(l.sub, l.size * SUB, l.rtl) : 0);
  const h = l.size * LINE + (l.sub ? l.size * SUB * LINE : 0);
  return { w, h };
}

/** The box a label would cover on a side of its point. */
export function labelBox(l: LabelRequest, side: Side): Box {
  const { w, h } = blockSize(l);
  const pad = 1.5;
  switch (side) {
    case 'right':
      return { x0: l.x + l.offset - pad, y0: l.y - h / 2, x1: l.x + l.offset + w + pad, y1: l.y + h / 2 };
    case 'left':
      return { x0: l.x - l.offset - w - pad, y0: l.y - h / 2, x1: l.x - l.offset + pad, y1: l.y + h / 2 };
    case 'above':
      return { x0: l.x - w / 2 - pad, y0: l.y - l.offset - h, x1: l.x + w / 2 + pad, y1: l.y - l.offset };
    case 'below':
      return { x0: l.x - w / 2 - pad, y0: l.y + l.offset, x1: l.x + w / 2 + pad, y1: l.y + l.offset + h };
  }
}

/** The <text> element for a label on a side. In SVG, text-anchor start/end follow the writing direction. */
export function labelSvg(l: LabelRequest, side: Side): string {
  const box = labelBox(l, side);
  // The first baseline sits ~0.8 em below the top of its line box (Noto Sans ascent, with half-leading).
  const y = box.y0 + l.size * 0.95;
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
  const head = `<text x="${num(x)}" y="${num(y)}" text-anchor="${anchor}"${dir}${l.extra ?? ''}>`;
  if (!l.sub) return `${head}${esc(l.text)}</text>`;
  const dy = num(l.size * SUB * LINE);
  const subSize = num(l.size * SUB);
  return `${head}${esc(l.text)}<tspan x="${num(x)}" dy="${dy}" font-size="${subSize}" font-weight="400">${esc(l.sub)}</tspan></text>`;
}

/** Places labels in order (most important first); returns the SVG of those that fit and adds their boxes to taken. */
export function placeLabels(labels: readonly LabelRequest[], taken: Box[], bounds: Box, sides = SIDES): string[] {
  const out: string[] = [];
  const free = (box: Box) => !taken.some((t) => overlaps(t, box));
  for (const l of labels) {
    if (l.anchor && !free(l.anchor.box)) continue;
    for (const side of l.sides ?? sides) {
      const box = labelBox(l, side);
      const inside = box.x0 >= bounds.x0 && box.y0 >= bounds.y0 && box.x1 <= bounds.x1 && box.y1 <= bounds.y1;
      if (!inside || !free(box)) continue;
      taken.push(box);
      if (l.anchor) {
        taken.push(l.anchor.box);
        out.push(l.anchor.svg);
      }
      out.push(labelSvg(l, side));
      break;
    }
  }
  return out;
}
