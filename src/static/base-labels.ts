/** Label requests for the base map: cities of rank 1–2 (the dot drawn only with its label) and countries. */
import type { Feature } from 'geojson';
import type { Lang } from '../data/schema.ts';
import type { Basemap } from '../data/types.ts';
import type { Palette } from '../theme/palette.ts';
import type { LabelRequest } from './labels.ts';
import type { StaticProjection } from './projection.ts';
import { attrs } from './svg-escape.ts';

/** Localized name of a base-map feature ({en, ar}), falling back to English. */
export function baseName(f: Feature, lang: Lang): string {
  const name = f.properties?.name as Record<string, string> | string | null | undefined;
  if (typeof name === 'string') return name;
  if (!name) return '';
  // Base-map files have no schema: anything but a string name is treated as no name.
  const v = name[lang] || name.en;
  return typeof v === 'string' ? v : '';
}

/** Cities of one rank, in file order. */
export function cityLabels(
  proj: StaticProjection,
  basemap: Partial<Basemap>,
  lang: Lang,
  p: Palette,
  rank: number,
): LabelRequest[] {
  const out: LabelRequest[] = [];
  for (const f of basemap.cities?.features ?? []) {
    if (Number(f.properties?.rank) !== rank || f.geometry?.type !== 'Point') continue;
    const xy = proj.point(f.geometry.coordinates as [number, number]);
    const text = baseName(f, lang);
    if (!xy || !text) continue;
    const [x, y] = xy;
    const r = rank === 1 ? 2.6 : 2;
    const dot = `<circle${attrs({ cx: x, cy: y, r, fill: p.cityDot, stroke: p.cityHalo, 'stroke-width': 1 })}/>`;
    out.push({
      text,
      x,
      y,
      offset: r + 3,
      size: rank === 1 ? 12 : 11,
      rtl: lang === 'ar',
      extra: rank === 1 ? ' font-weight="600"' : '',
      anchor: { box: { x0: x - r - 1, y0: y - r - 1, x1: x + r + 1, y1: y + r + 1 }, svg: dot, overlap: rank === 1 },
    });
  }
  return out;
}

// Countries with less visible land than this (px²) are left unlabelled: Lebanon, Kuwait or a sliver at the edge.
const MIN_AREA = 15000;

/** Country names in spaced capitals (plain for Arabic, whose letters must stay joined), at the visible centre. */
export function countryLabels(
  proj: StaticProjection,
  basemap: Partial<Basemap>,
  lang: Lang,
  p: Palette,
): LabelRequest[] {
  const path = proj.path(2);
  const rtl = lang === 'ar';
  const out: LabelRequest[] = [];
  for (const f of basemap.countries?.features ?? []) {
    const area = path.area(f as never);
    const name = baseName(f, lang);
    if (area < MIN_AREA || !name) continue;
    const [x, y] = path.centroid(f as never);
    const focus = f.properties?.focus === true;
    const size = focus ? 13 : 11.5;
    const spacing = rtl ? 0 : size * 0.16;
    out.push({
      text: rtl ? name : name.toLocaleUpperCase(lang),
      x,
      y,
      offset: 0,
      size,
      rtl,
      em: rtl ? undefined : 0.7 + spacing / size,
      sides: ['below', 'above'],
      alternatives: [-1, 1].flatMap(
        (s) =>
          [
            [x, y + s * 40],
            [x + s * 60, y],
            [x + s * 60, y + s * 40],
          ] as [number, number][],
      ),
      extra: attrs({
        fill: p.border,
        'fill-opacity': 0.85,
        'font-weight': 600,
        'letter-spacing': spacing || undefined,
      }),
    });
  }
  return out.sort((a, b) => b.size - a.size);
}
