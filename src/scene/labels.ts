/**
 * Greedy label placement, the one rule both renderers follow: each label tries the sides of its
 * point, then a few spots further out with a leader line, and takes the first that is inside the
 * frame and overlaps nothing placed before it (symbols, other labels, the map's own controls). Labels
 * come most important first, so a collision always costs the less important one. Deterministic: the
 * same requests give the same layout.
 */

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** What a label is: the renderers style each kind (colour, weight, halo) from the palette. */
export type LabelKind = 'site' | 'zone' | 'capital' | 'town' | 'country';

export interface LabelRequest {
  /** Unique in a layout: `site:ain-al-asad`, `city:baghdad`, `country:IQ`, `zone:ne-syria`. */
  key: string;
  kind: LabelKind;
  text: string;
  /** An optional second, smaller line (e.g. "left 17 Jan 2026"). */
  sub?: string;
  x: number;
  y: number;
  /** Distance from the point to the text (the symbol's radius plus a gap). */
  offset: number;
  size: number;
  rtl: boolean;
  /** Semi-bold (sites, capitals, countries); else regular. */
  bold?: boolean;
  /** Muted (a site that was left). */
  muted?: boolean;
  /** Letter spacing in px (spaced capitals of country names). */
  spacing?: number;
  /**
   * Drawn only with the label (a city dot): taken with it, and must be free unless `overlap` (a capital
   * whose dot may sit under a site symbol, which is drawn above it).
   */
  anchor?: { box: Box; overlap?: boolean };
  /** The sides to try, in order (default: right, left, above, below). */
  sides?: readonly Side[];
  /** More anchor points to try, in order, when no side of the first one is free (an area's label). */
  alternatives?: readonly [number, number][];
  /**
   * Where no side is free, the distances (px) further out to try, in order, with a leader line from
   * the point; none for a label that should rather be left out than moved away.
   */
  leader?: readonly number[];
  /** Advance width per character in em, where the default estimate is wrong (spaced capitals). */
  em?: number;
  /** The lines' widths in px as the browser measures them (set by labelLayout when it can measure). */
  widths?: readonly [number, number];
}

/** Measures a line of text in px: the browser's own metrics of the shipped fonts (render/frame.ts). */
export type MeasureText = (text: string, size: number, bold: boolean) => number;

export type Side = 'right' | 'left' | 'above' | 'below' | 'above-right' | 'above-left' | 'below-right' | 'below-left';

const SIDES: readonly Side[] = ['right', 'left', 'above', 'below'];
export const SUB = 0.85; // size of the second line relative to the first
export const LINE = 1.2; // line height in em
/** The sides a label with a leader line tries at each distance. */
const LEADER_SIDES: readonly Side[] = [...SIDES, 'above-right', 'below-right', 'above-left', 'below-left'];
/** The share of the offset a corner label keeps on each axis (so its corner is `offset` from the point). */
const DIAG = Math.SQRT1_2;

/** Approximate advance width in Noto Sans SemiBold, em per character (measured on place names; Arabic is narrower). */
export function textWidth(text: string, size: number, rtl: boolean, em = 0.56): number {
  return text.length * size * (rtl ? 0.5 : em);
}

/** True when two boxes intersect. */
export function overlaps(a: Box, b: Box): boolean {
  return a.x0 < b.x1 && a.x1 > b.x0 && a.y0 < b.y1 && a.y1 > b.y0;
}

function blockSize(l: LabelRequest): { w: number; h: number } {
  const first = l.widths?.[0] ?? (l.em ? l.text.length * l.size * l.em : textWidth(l.text, l.size, l.rtl));
  const second = l.sub ? (l.widths?.[1] ?? textWidth(l.sub, l.size * SUB, l.rtl)) : 0;
  const w = Math.max(first, second);
  const h = l.size * LINE + (l.sub ? l.size * SUB * LINE : 0);
  return { w, h };
}

/** The box a label would cover on a side of its point, `offset` away. */
export function labelBox(l: LabelRequest, side: Side, offset = l.offset): Box {
  const { w, h } = blockSize(l);
  // Padding keeps neighbouring labels from touching; the side facing the label's own point has none
  // (`offset` already sets that gap).
  const px = 2.5;
  // Noto Sans Arabic reaches further above and below its line than Latin does: more room around it.
  const py = l.rtl ? 1.5 + l.size * 0.15 : 1.5;
  switch (side) {
    case 'right':
      return { x0: l.x + offset, y0: l.y - h / 2 - py, x1: l.x + offset + w + px, y1: l.y + h / 2 + py };
    case 'left':
      return { x0: l.x - offset - w - px, y0: l.y - h / 2 - py, x1: l.x - offset, y1: l.y + h / 2 + py };
    case 'above':
      return { x0: l.x - w / 2 - px, y0: l.y - offset - h - py, x1: l.x + w / 2 + px, y1: l.y - offset };
    case 'below':
      return { x0: l.x - w / 2 - px, y0: l.y + offset, x1: l.x + w / 2 + px, y1: l.y + offset + h + py };
  }
  // The corners: the box's nearest corner sits `offset` from the point, on the diagonal.
  const d = offset * DIAG;
  const right = side.endsWith('right');
  const x0 = right ? l.x + d : l.x - d - w - px;
  const y0 = side.startsWith('above') ? l.y - d - h - py : l.y + d;
  return { x0, y0, x1: x0 + w + px, y1: y0 + h + py };
}

/** A placed label: the request at the point it took, the side and distance, its box, and a leader line if it moved out. */
export interface Placed {
  req: LabelRequest;
  side: Side;
  /** Distance from the point to the text (the request's offset, or more with a leader line). */
  offset: number;
  box: Box;
  /** From the symbol's edge to the label's near edge, in px, when the label sits further out. */
  leader: [[number, number], [number, number]] | null;
}

/** The line from the edge of a label's symbol to the middle of the label box's near side. */
function leaderLine(l: LabelRequest, side: Side, box: Box): [[number, number], [number, number]] {
  const mx = (box.x0 + box.x1) / 2;
  const my = (box.y0 + box.y1) / 2;
  const ends: Record<Side, [number, number]> = {
    right: [box.x0, my],
    left: [box.x1, my],
    above: [mx, box.y1],
    below: [mx, box.y0],
    'above-right': [box.x0, box.y1],
    'above-left': [box.x1, box.y1],
    'below-right': [box.x0, box.y0],
    'below-left': [box.x1, box.y0],
  };
  const end = ends[side];
  const dx = end[0] - l.x;
  const dy = end[1] - l.y;
  const d = Math.hypot(dx, dy) || 1;
  const r = Math.max(0, l.offset - 2);
  return [[l.x + (dx / d) * r, l.y + (dy / d) * r], end];
}

/** The request with its lines' widths measured (spaced capitals add their letter spacing). */
export function measured(l: LabelRequest, measure: MeasureText): LabelRequest {
  const spacing = (l.spacing ?? 0) * Math.max(0, [...l.text].length - 1);
  return {
    ...l,
    widths: [measure(l.text, l.size, l.bold === true) + spacing, l.sub ? measure(l.sub, l.size * SUB, false) : 0],
  };
}

/** True when the segment a–b passes through the box (Liang–Barsky clipping). */
export function segmentCrosses(box: Box, a: readonly [number, number], b: readonly [number, number]): boolean {
  let t0 = 0;
  let t1 = 1;
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const edges: [number, number][] = [
    [-dx, a[0] - box.x0],
    [dx, box.x1 - a[0]],
    [-dy, a[1] - box.y0],
    [dy, box.y1 - a[1]],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const r = q / p;
    if (p < 0) t0 = Math.max(t0, r);
    else t1 = Math.min(t1, r);
    if (t0 > t1) return false;
  }
  return true;
}

/** Small boxes along a segment, every 3 px, that together cover it. */
export function lineBoxes(a: readonly [number, number], b: readonly [number, number]): Box[] {
  const n = Math.max(1, Math.ceil(Math.hypot(b[0] - a[0], b[1] - a[1]) / 3));
  const out: Box[] = [];
  for (let i = 0; i < n; i++) {
    const [x0, y0] = [a[0] + ((b[0] - a[0]) * i) / n, a[1] + ((b[1] - a[1]) * i) / n];
    const [x1, y1] = [a[0] + ((b[0] - a[0]) * (i + 1)) / n, a[1] + ((b[1] - a[1]) * (i + 1)) / n];
    out.push({
      x0: Math.min(x0, x1) - 0.5,
      y0: Math.min(y0, y1) - 0.5,
      x1: Math.max(x0, x1) + 0.5,
      y1: Math.max(y0, y1) + 0.5,
    });
  }
  return out;
}

const holds = (b: Box, [x, y]: readonly [number, number]) => x >= b.x0 && x <= b.x1 && y >= b.y0 && y <= b.y1;

/** Places labels in order (most important first); returns those that fit and adds their boxes to taken. */
export function placeLabels(labels: readonly LabelRequest[], taken: Box[], bounds: Box, sides = SIDES): Placed[] {
  const out: Placed[] = [];
  const free = (box: Box) => !taken.some((t) => overlaps(t, box));
  const inside = (box: Box) => box.x0 >= bounds.x0 && box.y0 >= bounds.y0 && box.x1 <= bounds.x1 && box.y1 <= bounds.y1;
  for (const first of labels) {
    if (first.anchor && !first.anchor.overlap && !free(first.anchor.box)) continue;
    const tries = [first, ...(first.alternatives ?? []).map(([x, y]) => ({ ...first, x, y }))];
    const near = tries.flatMap((l) =>
      (l.sides ?? sides).map((side) => ({ l, side, offset: l.offset, box: labelBox(l, side), leader: false })),
    );
    const far = first.leader
      ? first.leader.flatMap((step) =>
          (first.sides ?? LEADER_SIDES).map((side) => ({
            l: first,
            side,
            offset: first.offset + step,
            box: labelBox(first, side, first.offset + step),
            leader: true,
          })),
        )
      : [];
    // A leader line may leave its own symbol but must not cross another symbol or label.
    const clear = (l: LabelRequest, side: Side, box: Box) => {
      const [a, b] = leaderLine(l, side, box);
      return !taken.some((t) => !holds(t, a) && segmentCrosses(t, a, b));
    };
    const spot = [...near, ...far].find(
      ({ l, side, box, leader }) => inside(box) && free(box) && (!leader || clear(l, side, box)),
    );
    if (!spot) continue;
    taken.push(spot.box);
    if (first.anchor) taken.push(first.anchor.box);
    const leader = spot.leader ? leaderLine(spot.l, spot.side, spot.box) : null;
    // Labels placed later keep off the leader line too: it is taken as a row of small boxes.
    if (leader) taken.push(...lineBoxes(leader[0], leader[1]));
    out.push({
      req: spot.l,
      side: spot.side,
      offset: spot.offset,
      box: spot.box,
      leader,
    });
  }
  return out;
}
