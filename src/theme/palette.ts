/**
 * One palette for the WebGL map, the SVG map, the legend and the print view.
 * Status hues come from the Okabe–Ito palette (safe for the common colour-vision deficiencies);
 * each status also differs in fill (solid / hollow) and label, so colour is never the only cue.
 */
import type { Basis, Control, Status } from '../data/schema.ts';

export type ThemeName = 'light' | 'dark';

export interface Palette {
  sea: string;
  land: string;
  landFocus: string;
  landOutline: string;
  border: string;
  admin1: string;
  kurdistan: string;
  water: string;
  river: string;
  cityText: string;
  cityHalo: string;
  cityDot: string;
  zone: Record<Control, string>;
  zoneLine: string;
  zoneText: string;
  footprint: string;
  highlight: string;
  status: Record<Status, string>;
  siteStroke: string;
  siteText: string;
  siteHalo: string;
}

const light: Palette = {
  sea: '#cfe0ea',
  land: '#f1efe9',
  landFocus: '#fbfaf7',
  landOutline: '#b9b4a7',
  border: '#7d7668',
  admin1: '#c9c3b5',
  kurdistan: '#8a6d3b',
  water: '#cfe0ea',
  river: '#8fb3c9',
  cityText: '#3b3a36',
  cityHalo: '#fbfaf7',
  cityDot: '#3b3a36',
  zone: { sdf: '#b34d00', contested: '#8f3a8f', government: '#5f6b73', unknown: '#7a7a7a' },
  zoneLine: '#9a4a12',
  zoneText: '#7a3a0e',
  footprint: '#0a4d80',
  highlight: '#111111',
  // Okabe–Ito blue and orange for the two states that say the coalition is there; grey for gone. Unknown
  // is the absence of knowledge, not a status: a neutral, drawn hollow (symbology), darker than the
  // grey of "left" so the two stay 10+ ΔE2000 apart. Orange and greys at 3:1 against both land tints
  // (WCAG 1.4.11; tests/unit/contrast.test.ts).
  status: { present: '#0072b2', drawdown: '#bf7700', withdrawn: '#868686', unknown: '#57534b' },
  siteStroke: '#ffffff',
  siteText: '#1d1d1b',
  siteHalo: '#fbfaf7',
};

const dark: Palette = {
  sea: '#14202a',
  land: '#2a2d31',
  landFocus: '#34383d',
  landOutline: '#4a4f55',
  border: '#9aa0a6',
  admin1: '#4f555c',
  kurdistan: '#c9a86b',
  water: '#14202a',
  river: '#3f6f8f',
  cityText: '#e6e4df',
  cityHalo: '#1c1f22',
  cityDot: '#d8d6d0',
  zone: { sdf: '#ff8f3f', contested: '#d58fd5', government: '#9aa5ad', unknown: '#a0a0a0' },
  zoneLine: '#ff9d57',
  zoneText: '#ffb27a',
  footprint: '#6cc3ff',
  highlight: '#ffffff',
  // Okabe–Ito's light tints; unknown a neutral drawn hollow, dimmer than the grey of "left" on the dark
  // land (tests/unit/contrast.test.ts).
  status: { present: '#56b4e9', drawdown: '#e69f00', withdrawn: '#a6a6a6', unknown: '#8a867e' },
  siteStroke: '#1c1f22',
  siteText: '#f2f0eb',
  siteHalo: '#1c1f22',
};

/** The palette of a theme. */
export function paletteFor(theme: ThemeName): Palette {
  return theme === 'dark' ? dark : light;
}

/** How a basis is drawn: confirmed solid, reported half-filled, announced hollow. */
export const BASIS_FILL_OPACITY: Record<Basis, number> = { confirmed: 1, reported: 0.55, announced: 0 };
