/** The label layout (scene/label-layout.ts) as SVG: text, city dots and leader lines, styled by kind from the palette. */
import { LINE, type LabelKind, type Placed, SUB } from '../scene/labels.ts';
import { cityDotRadius, LABEL, labelStyle } from '../scene/symbology.ts';
import type { Palette } from '../theme/palette.ts';
import { attrs, esc, num } from './svg-escape.ts';

/** A group of labels of one kind, with its fill and halo. */
export function labelGroup(cls: string, kind: LabelKind, p: Palette, inner: string): string {
  const paint = labelStyle(kind, p);
  const g = attrs({
    class: `labels ${cls}`,
    fill: paint.fill,
    'fill-opacity': paint.opacity < 1 ? paint.opacity : undefined,
    stroke: paint.halo,
    'stroke-width': paint.haloWidth * 2,
    'stroke-linejoin': 'round',
    'paint-order': 'stroke',
  });
  return `<g${g}>${inner}</g>`;
}

/** The <text> elements of a placed label. In SVG, text-anchor start/end follow the writing direction. */
export function labelSvg(placed: Placed, p: Palette): string {
  const { req: l, side, box } = placed;
  // The first baseline sits ~0.8 em below the top of its line box (Noto Sans ascent, with half-leading).
  const y = (side.startsWith('below') ? box.y0 : box.y0 + 1.5) + l.size * 0.95;
  let x = l.x;
  let anchor = 'middle';
  if (side === 'right' || side.endsWith('-right')) {
    x = box.x0;
    anchor = l.rtl ? 'end' : 'start';
  } else if (side === 'left' || side.endsWith('-left')) {
    x = box.x1;
    anchor = l.rtl ? 'start' : 'end';
  }
  // Fill and halo come from the label group (labelGroup); only the zone's colour differs inside the sites' group.
  const site = l.kind === 'site' ? l.key.slice('site:'.length) : null;
  const common = attrs({
    'text-anchor': anchor,
    direction: l.rtl ? 'rtl' : undefined,
    fill: l.kind === 'zone' ? p.zoneText : undefined,
    'fill-opacity': l.muted ? 0.75 : undefined,
    class: site ? (l.muted ? 'site-label withdrawn' : 'site-label') : undefined,
    'data-site': site ?? undefined,
    'data-label': l.key,
  });
  const line = (ty: number, size: number, text: string, weight: number) =>
    `<text${attrs({ x: num(x), y: num(ty), 'font-size': num(size), 'font-weight': weight, 'letter-spacing': l.spacing || undefined })}${common}>${esc(text)}</text>`;
  const first = line(y, l.size, l.text, l.bold ? 600 : 400);
  // Two <text> elements, not <tspan>s: renderers disagree on where a right-to-left tspan with its own x goes.
  return l.sub ? first + line(y + l.size * SUB * LINE, l.size * SUB, l.sub, 400) : first;
}

/** A placed city label's dot (drawn under the sites). */
export function cityDotSvg(placed: Placed, p: Palette): string {
  const { req } = placed;
  if (req.kind !== 'capital' && req.kind !== 'town') return '';
  const r = cityDotRadius(req.kind === 'capital' ? 1 : 2);
  return `<circle${attrs({ cx: req.x, cy: req.y, r, fill: p.cityDot, stroke: p.cityHalo, 'stroke-width': 1 })}/>`;
}

/** A leader line from a symbol to a label that had to move out. */
export function leaderSvg(placed: Placed, p: Palette): string {
  if (!placed.leader) return '';
  const [[x1, y1], [x2, y2]] = placed.leader;
  return `<line${attrs({ x1: num(x1), y1: num(y1), x2: num(x2), y2: num(y2), stroke: p.siteText, 'stroke-width': LABEL.leader.width, 'stroke-opacity': LABEL.leader.opacity })}/>`;
}
