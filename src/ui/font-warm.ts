/**
 * The Arabic web font is fetched only once Arabic text is on the page (its unicode-range), so an
 * Arabic page would first draw its header in a fallback font of other metrics and then shift. Asked
 * for at once instead, from the entry script, and waited for (briefly) before the Arabic text goes in.
 */
const FACES = ['400 16px "Noto Sans Arabic"', '600 16px "Noto Sans Arabic"'];

/** True when the page will be in Arabic: ?lang=ar, or no lang and an Arabic browser. */
export function wantsArabic(search: string, languages: readonly string[] = []): boolean {
  const lang = new URLSearchParams(search.length > 4096 ? '' : search).get('lang');
  return lang === 'ar' || (lang === null && (languages[0] ?? '').toLowerCase().startsWith('ar'));
}

/** Starts loading the Arabic faces; resolves when they are in, or after `capMs` at the latest. */
export function loadArabicFonts(capMs = 1000): Promise<void> {
  if (!document.fonts?.load) return Promise.resolve();
  const loads = Promise.all(FACES.map((f) => document.fonts.load(f, 'عربي'))).then(
    () => {},
    () => {},
  );
  return Promise.race([loads, new Promise<void>((r) => window.setTimeout(r, capMs))]);
}
