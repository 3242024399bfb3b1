/**
 * Colour checks in both themes, from the sources of truth: src/theme/palette.ts (map, SVG, print) and
 * the custom properties of src/styles/tokens.css (page). WCAG 2.2 contrast ratios (1.4.3 text ≥ 4.5:1,
 * 1.4.11 non-text ≥ 3:1) and colour-vision-deficiency checks of the four status colours.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STATUSES, type Status } from '../../src/data/schema.ts';
import { paletteFor, type ThemeName } from '../../src/theme/palette.ts';

type Rgb = [number, number, number];
type Lab = [number, number, number];

function hex(color: string): Rgb {
  const m = /^#([0-9a-f]{6})$/i.exec(color.trim());
  if (!m) throw new Error(`not a #rrggbb colour: ${color}`);
  const n = Number.parseInt(m[1]!, 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** sRGB channel 0–255 to linear light (IEC 61966-2-1, the formula WCAG cites). */
const toLinear = (c: number): number => {
  const s = c / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
};
const linear = (rgb: Rgb): Rgb => rgb.map(toLinear) as Rgb;

/** WCAG relative luminance. */
function luminance(color: string): number {
  const [r, g, b] = linear(hex(color));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio, 1–21. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Linear sRGB to CIELAB (D65). */
function lab([r, g, b]: Rgb): Lab {
  const x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047;
  const y = 0.2126729 * r + 0.7151522 * g + 0.072175 * b;
  const z = (0.0193339 * r + 0.119192 * g + 0.9503041 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 / 116) * t + 16 / 116);
  const [fx, fy, fz] = [f(x), f(y), f(z)];
  return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
}

/** CIEDE2000 colour difference (Sharma, Wu & Dalal 2005). */
export function deltaE2000([l1, a1, b1]: Lab, [l2, a2, b2]: Lab): number {
  const rad = Math.PI / 180;
  const c1 = Math.hypot(a1, b1);
  const c2 = Math.hypot(a2, b2);
  const cBar7 = ((c1 + c2) / 2) ** 7;
  const g = 0.5 * (1 - Math.sqrt(cBar7 / (cBar7 + 25 ** 7)));
  const a1p = (1 + g) * a1;
  const a2p = (1 + g) * a2;
  const c1p = Math.hypot(a1p, b1);
  const c2p = Math.hypot(a2p, b2);
  const hue = (b: number, a: number) => (b === 0 && a === 0 ? 0 : (Math.atan2(b, a) / rad + 360) % 360);
  const h1p = hue(b1, a1p);
  const h2p = hue(b2, a2p);
  const dLp = l2 - l1;
  const dCp = c2p - c1p;
  let dhp = 0;
  if (c1p * c2p !== 0) {
    dhp = h2p - h1p;
    if (dhp > 180) dhp -= 360;
    else if (dhp < -180) dhp += 360;
  }
  const dHp = 2 * Math.sqrt(c1p * c2p) * Math.sin((dhp / 2) * rad);
  const lBarP = (l1 + l2) / 2;
  const cBarP = (c1p + c2p) / 2;
  let hBarP = h1p + h2p;
  if (c1p * c2p !== 0) {
    if (Math.abs(h1p - h2p) <= 180) hBarP = (h1p + h2p) / 2;
    else hBarP = h1p + h2p < 360 ? (h1p + h2p + 360) / 2 : (h1p + h2p - 360) / 2;
  }
  const t =
    1 -
    0.17 * Math.cos((hBarP - 30) * rad) +
    0.24 * Math.cos(2 * hBarP * rad) +
    0.32 * Math.cos((3 * hBarP + 6) * rad) -
    0.2 * Math.cos((4 * hBarP - 63) * rad);
  const dTheta = 30 * Math.exp(-(((hBarP - 275) / 25) ** 2));
  const cBarP7 = cBarP ** 7;
  const rc = 2 * Math.sqrt(cBarP7 / (cBarP7 + 25 ** 7));
  const sl = 1 + (0.015 * (lBarP - 50) ** 2) / Math.sqrt(20 + (lBarP - 50) ** 2);
  const sc = 1 + 0.045 * cBarP;
  const sh = 1 + 0.015 * cBarP * t;
  const rt = -Math.sin(2 * dTheta * rad) * rc;
  return Math.sqrt((dLp / sl) ** 2 + (dCp / sc) ** 2 + (dHp / sh) ** 2 + rt * (dCp / sc) * (dHp / sh));
}

/**
 * Machado, Oliveira & Fernandes (2009), "A physiologically-based model for simulation of color vision
 * deficiency", severity 1.0 (dichromacy): matrices for linear RGB, as tabulated in the paper.
 */
const MACHADO: Record<'protanopia' | 'deuteranopia' | 'tritanopia', number[][]> = {
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

function simulate(color: string, m: number[][] | null): Lab {
  const rgb = linear(hex(color));
  if (!m) return lab(rgb);
  const clamp = (v: number) => Math.min(1, Math.max(0, v));
  const out = m.map((row) => clamp(row[0]! * rgb[0] + row[1]! * rgb[1] + row[2]! * rgb[2])) as Rgb;
  return lab(out);
}

/** The custom properties of one rule block of tokens.css, e.g. `:root {` or `:root[data-theme="dark"] {`. */
function cssVars(css: string, selector: string): Record<string, string> {
  const start = css.indexOf(`${selector} {`);
  if (start < 0) throw new Error(`no "${selector} {" block in tokens.css`);
  const body = css.slice(start, css.indexOf('}', start));
  return Object.fromEntries([...body.matchAll(/--([\w-]+):\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.trim()]));
}

const CSS = readFileSync(join(import.meta.dirname, '..', '..', 'src', 'styles', 'tokens.css'), 'utf8');
const LIGHT = cssVars(CSS, ':root');
const VARS: Record<ThemeName, Record<string, string>> = {
  light: LIGHT,
  dark: { ...LIGHT, ...cssVars(CSS, ':root[data-theme="dark"]') },
};
const THEMES: ThemeName[] = ['light', 'dark'];

/**
 * Least CIEDE2000 difference between any two status colours, with and without simulated dichromacy.
 * ΔE00 ≈ 2.3 is one just-noticeable difference for large patches side by side; map symbols are small
 * (10–20 px) and seen apart, where discrimination needs several times that (Szafir 2017, "Modeling
 * Color Difference for Visualization Design", finds thresholds of roughly 5–10 for small marks). 10
 * keeps every pair at the safe end of that range; the statuses also differ in label text and the
 * basis in fill, so colour is never the only cue.
 */
const MIN_DELTA_E = 10;

describe('colour helpers', () => {
  it('reproduce published values', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    // Sharma, Wu & Dalal (2005), test pairs 1 and 17.
    expect(deltaE2000([50, 2.6772, -79.7751], [50, 0, -82.7485])).toBeCloseTo(2.0425, 4);
    expect(deltaE2000([50, 2.5, 0], [73, 25, -18])).toBeCloseTo(27.1492, 4);
    // Machado's matrices leave grey grey.
    for (const m of Object.values(MACHADO)) {
      const [l, a, b] = simulate('#808080', m);
      expect(l).toBeCloseTo(lab(linear(hex('#808080')))[0], 0);
      expect(Math.hypot(a, b)).toBeLessThan(1.5);
    }
  });
});

describe.each(THEMES)('the %s theme', (theme) => {
  const v = VARS[theme];
  const p = paletteFor(theme);

  it('sets body text and muted text at 4.5:1 or more on the page and the panels', () => {
    const rows: string[] = [];
    for (const fg of ['fg', 'muted']) {
      for (const bg of ['bg', 'panel']) {
        const ratio = contrast(v[fg]!, v[bg]!);
        if (ratio < 4.5) rows.push(`--${fg} on --${bg}: ${ratio.toFixed(2)}`);
      }
    }
    // Links and the accent-coloured text.
    for (const bg of ['bg', 'panel']) {
      const ratio = contrast(v.accent!, v[bg]!);
      if (ratio < 4.5) rows.push(`--accent on --${bg}: ${ratio.toFixed(2)}`);
    }
    expect(rows).toEqual([]);
  });

  it('draws focus rings, event ticks and legend swatches at 3:1 or more', () => {
    const rows: string[] = [];
    const check = (a: string, b: string, what: string) => {
      const ratio = contrast(v[a]!, v[b]!);
      if (ratio < 3) rows.push(`${what}: ${ratio.toFixed(2)}`);
    };
    for (const bg of ['bg', 'panel']) {
      check('focus', bg, `--focus on --${bg}`);
      check('faint', bg, `--faint on --${bg}`);
      for (const s of STATUSES) check(s, bg, `--${s} on --${bg}`);
    }
    expect(rows).toEqual([]);
  });

  it('uses the palette status colours in the page legend', () => {
    for (const s of STATUSES) expect(v[s]?.toLowerCase(), `--${s}`).toBe(p.status[s].toLowerCase());
  });

  it('draws every status symbol at 3:1 or more against the land (WCAG 1.4.11)', () => {
    const rows: string[] = [];
    for (const s of STATUSES) {
      for (const land of ['land', 'landFocus'] as const) {
        const ratio = contrast(p.status[s], p[land]);
        if (ratio < 3) rows.push(`${s} ${p.status[s]} on ${land} ${p[land]}: ${ratio.toFixed(2)}`);
      }
    }
    expect(rows).toEqual([]);
  });

  it('sets map labels at 4.5:1 or more against their halos', () => {
    const rows: string[] = [];
    const pairs: [string, string, string][] = [
      ['site labels', p.siteText, p.siteHalo],
      ['city labels', p.cityText, p.cityHalo],
      ['zone label', p.zoneText, p.siteHalo],
    ];
    for (const [what, fg, bg] of pairs) {
      const ratio = contrast(fg, bg);
      if (ratio < 4.5) rows.push(`${what} ${fg} on ${bg}: ${ratio.toFixed(2)}`);
    }
    expect(rows).toEqual([]);
  });

  it(`keeps the four status colours ${MIN_DELTA_E} ΔE2000 apart, also under simulated dichromacy`, () => {
    const rows: string[] = [];
    for (const [vision, m] of [['normal', null], ...Object.entries(MACHADO)] as [string, number[][] | null][]) {
      for (let i = 0; i < STATUSES.length; i++) {
        for (let j = i + 1; j < STATUSES.length; j++) {
          const a: Status = STATUSES[i]!;
          const b: Status = STATUSES[j]!;
          const d = deltaE2000(simulate(p.status[a], m), simulate(p.status[b], m));
          if (d < MIN_DELTA_E) rows.push(`${vision}: ${a} / ${b} ΔE00 ${d.toFixed(1)}`);
        }
      }
    }
    expect(rows).toEqual([]);
  });
});
