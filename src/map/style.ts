/** The offline style: no tile server, no glyph URL; sources and layers are added by the layer modules. */
import type { StyleSpecification } from 'maplibre-gl';
import type { Palette } from '../theme/palette.ts';
import { fontFaces } from './fonts.ts';

/** An empty style with the sea as background and the shipped fonts. */
export function baseStyle(palette: Palette): StyleSpecification {
  return {
    version: 8,
    'font-faces': fontFaces(),
    sources: {},
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': palette.sea } }],
  } as StyleSpecification;
}
