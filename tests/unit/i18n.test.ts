import { describe, expect, it } from 'vitest';
import { ar } from '../../src/i18n/ar.ts';
import { de } from '../../src/i18n/de.ts';
import { en, type StringKey } from '../../src/i18n/en.ts';
import { fr } from '../../src/i18n/fr.ts';
import { dirOf, formatDate, formatNumber } from '../../src/i18n/index.ts';

const enKeys = Object.keys(en) as StringKey[];

/** Keys whose value may equal the English one in every language. */
const SAME_EVERYWHERE: readonly string[] = [
  // Language names are written in their own language in every table.
  'lang.en',
  'lang.de',
  'lang.fr',
  'lang.ar',
  // Pure formats: nothing but placeholders and punctuation that these languages write the same way.
  'legend.count', // '{count}'
  'site.period', // '{start} – {end}'
  'alt.item', // '{name} ({detail})'
  'alt.zone', // '{zone}: {control}.' (French adds a no-break space, Arabic keeps the colon)
  'live.change', // '{name}: {status}'
  'slider.valuetext', // '{date}, {phase}' (Arabic uses the Arabic comma)
  'live.changed', // '{date}, {phase}. {changes}'
];

/** Per language, further keys whose value may equal English, each with the reason. */
const SAME_AS_EN: Record<'de' | 'fr' | 'ar', readonly string[]> = {
  de: [
    'phase.label', // "Phase" is the German word
    'alt.phase', // 'Phase: {phase}.'
    'legend.phase', // 'Phase: {phase}'
    'table.status', // "Status" is the German word
    'country.KW', // "Kuwait" in German too
    'ain.callout', // 'Ain al-Asad: {status}': a proper name and a placeholder
    'attribution.fonts', // 'Noto Sans (OFL)': a font name and a licence abbreviation
    'tools.phase', // "Phase"
    'scale.km', // '{n} km'
  ],
  fr: [
    'phase.label', // "Phase"
    'slider.label', // "Date"
    'embed.date', // "Date"
    'slider.pause', // "Pause" is the French button label
    'site.sources', // "Sources"
    'table.sources', // "Sources"
    'table.site', // "Site"
    'panel.sites', // "Sites"
    'attribution.fonts', // 'Noto Sans (OFL)': a font name and a licence abbreviation
    'source.via', // 'via {via}': "via" is French too
    'downloads.licence', // "licence" is the French word
    'tools.phase', // "Phase"
  ],
  ar: [],
};

const TRANSLATIONS = { de, fr, ar } as const;

const placeholders = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
const ARABIC_LETTER = /[\u0621-\u064A\u0671-\u06D3]/;
/** Text outside placeholders has a Latin letter: a string with words, not a pure format. */
const hasWords = (s: string): boolean => /[A-Za-z]/.test(s.replace(/\{\w+\}/g, ''));

describe('allow-lists', () => {
  it('name only keys that exist in en', () => {
    const all = [...SAME_EVERYWHERE, ...Object.values(SAME_AS_EN).flat()];
    expect(all.filter((k) => !Object.hasOwn(en, k))).toEqual([]);
  });
});

describe.each(Object.entries(TRANSLATIONS) as [keyof typeof TRANSLATIONS, Record<string, string>][])(
  'string table %s',
  (lang, table) => {
    const keys = Object.keys(table);

    it('has exactly the keys of en', () => {
      const missing = enKeys.filter((k) => !Object.hasOwn(table, k));
      const extra = keys.filter((k) => !Object.hasOwn(en, k));
      expect({ missing, extra }).toEqual({ missing: [], extra: [] });
    });

    it('lists the keys in the order of en', () => {
      expect(keys).toEqual(enKeys);
    });

    it('has no empty value', () => {
      const empty = keys.filter((k) => typeof table[k] !== 'string' || table[k]!.trim() === '');
      expect(empty).toEqual([]);
    });

    it('keeps exactly the placeholders of the English string', () => {
      const wrong = enKeys
        .filter((k) => Object.hasOwn(table, k))
        .map((k) => ({ key: k, en: placeholders(en[k]), [lang]: placeholders(table[k]!) }))
        .filter((r) => JSON.stringify(r.en) !== JSON.stringify(r[lang]));
      expect(wrong).toEqual([]);
    });

    it('translates every value except the allowed ones', () => {
      const allowed = new Set([...SAME_EVERYWHERE, ...SAME_AS_EN[lang]]);
      const untranslated = enKeys.filter((k) => table[k] === en[k] && !allowed.has(k));
      expect(untranslated).toEqual([]);
    });

    if (lang === 'ar') {
      it('writes every value with words in Arabic letters', () => {
        const latinOnly = enKeys.filter(
          (k) => !k.startsWith('lang.') && hasWords(en[k]) && !ARABIC_LETTER.test(table[k] ?? ''),
        );
        expect(latinOnly).toEqual([]);
      });

      it('uses no Latin comma or semicolon between Arabic words', () => {
        const quirks = enKeys.filter((k) => /[\u0600-\u06FF}] ?[,;]/.test(table[k] ?? ''));
        expect(quirks).toEqual([]);
      });
    }
  },
);

describe('formatDate', () => {
  it('writes a full date as each language does', () => {
    expect(formatDate('de', '2026-01-17')).toBe('17. Januar 2026');
    expect(formatDate('fr', '2026-01-17')).toBe('17 janvier 2026');
  });

  it('writes an English date day first, as the copy does ("27 September 2024")', () => {
    // Fails while index.ts formats 'en' with the bare 'en' locale, which ICU treats as en-US ("January 17, 2026").
    expect(formatDate('en', '2026-01-17')).toBe('17 January 2026');
  });

  it('writes an Arabic date with the Arabic month name', () => {
    const s = formatDate('ar', '2026-01-17');
    expect(s).toContain('يناير');
    // Node 20's ICU (checked with 78.2) gives 'ar' the Latin numbering system ("latn"), so the digits are
    // 0-9, not Arabic-Indic (٠-٩); only regional locales such as ar-EG default to Arabic-Indic digits.
    expect(s).toBe('17 يناير 2026');
    expect(s).not.toMatch(/[\u0660-\u0669]/);
  });

  it('drops the day at month precision', () => {
    expect(formatDate('en', '2026-01-17', 'month')).toBe('January 2026');
    expect(formatDate('de', '2026-01-17', 'month')).toBe('Januar 2026');
    expect(formatDate('fr', '2026-01-17', 'month')).toBe('janvier 2026');
    expect(formatDate('ar', '2026-01-17', 'month')).toBe('يناير 2026');
  });

  it('keeps only the year at year precision', () => {
    expect(formatDate('de', '2026-01-17', 'year')).toBe('2026');
  });

  it('does not shift the day near midnight', () => {
    expect(formatDate('de', '2024-09-27')).toBe('27. September 2024');
    expect(formatDate('de', '2025-12-31')).toBe('31. Dezember 2025');
  });
});

describe('formatNumber', () => {
  it('groups digits as each language does', () => {
    expect(formatNumber('en', 2500)).toBe('2,500');
    expect(formatNumber('de', 2500)).toBe('2.500');
    // French groups with a narrow no-break space (U+202F).
    expect(formatNumber('fr', 2500)).toBe('2\u202f500');
    // Latin digits for 'ar' in this ICU, as for dates.
    expect(formatNumber('ar', 2500)).toBe('2,500');
  });
});

describe('dirOf', () => {
  it('is right-to-left for Arabic only', () => {
    expect(dirOf('ar')).toBe('rtl');
    expect(dirOf('en')).toBe('ltr');
    expect(dirOf('de')).toBe('ltr');
    expect(dirOf('fr')).toBe('ltr');
  });
});
