/**
 * Label fonts shipped with the site (no glyph server): Noto Sans for Latin, Noto Sans Arabic for
 * Arabic, declared through the style's `font-faces` (maplibre-gl ≥ 6.7 shapes Arabic itself).
 */
import type { FontFacesSpecification } from 'maplibre-gl';
import arabic from '@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-400-normal.woff2?url';
import latinBold from '@fontsource/noto-sans/files/noto-sans-latin-600-normal.woff2?url';
import latin from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import arabicBold from '@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-600-normal.woff2?url';

// Ranges from @fontsource's own CSS for these subsets.
const LATIN_RANGE = [
  'U+0000-00FF',
  'U+0131',
  'U+0152-0153',
  'U+02BB-02BC',
  'U+02C6',
  'U+02DA',
  'U+02DC',
  'U+2000-206F',
];
const ARABIC_RANGE = ['U+0600-06FF', 'U+0750-077F', 'U+0870-088E', 'U+08A0-08FF', 'U+FB50-FDFF', 'U+FE70-FEFF'];

export const FONT_REGULAR = 'Noto Sans Regular';
export const FONT_BOLD = 'Noto Sans SemiBold';

/** The `font-faces` of the style, with URLs resolved against the page. */
export function fontFaces(): FontFacesSpecification {
  const abs = (u: string) => new URL(u, document.baseURI).href;
  return {
    [FONT_REGULAR]: [
      { url: abs(latin), 'unicode-range': LATIN_RANGE },
      { url: abs(arabic), 'unicode-range': ARABIC_RANGE },
    ],
    [FONT_BOLD]: [
      { url: abs(latinBold), 'unicode-range': LATIN_RANGE },
      { url: abs(arabicBold), 'unicode-range': ARABIC_RANGE },
    ],
  };
}
