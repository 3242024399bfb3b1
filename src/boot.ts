/**
 * The page's entry script (index.html). The prerendered SVG map in the HTML is the first paint and
 * needs only the HTML and the style sheet; so this script, which is small, waits until that paint is
 * on screen and only then starts the data downloads (data/preload.ts) and the app (main.ts), and the
 * map engine (render/warm.ts) as soon as the first of those two has arrived: none of them before the
 * first paint (issue 8), and the app and its data not behind the engine's 460 KB (issue 12; the bench
 * numbers are in the README's performance section). The style sheet is imported here, not
 * in main.ts, so that it stays a render-blocking <link> of the HTML.
 */
import './styles/main.css';
import { preloadData } from './data/preload.ts';
import { guessLang, warmFormats } from './i18n/warm.ts';
import { warmUpMap } from './render/warm.ts';
import { markEmbed } from './state/url-flags.ts';
import { afterFirstPaint } from './ui/first-paint.ts';
import { loadArabicFonts, wantsArabic } from './ui/font-warm.ts';

// Before anything paints where possible: an embed's first paint is already in the embed's layout.
markEmbed(document.documentElement, location, window.name);
if (wantsArabic(location.search, navigator.languages)) void loadArabicFonts();

afterFirstPaint(() => {
  const data = preloadData();
  const app = import('./main.ts');
  // The engine (~460 KB with its worker) once the data or the app is in: on a slow link the map then
  // answers the slider sooner (0.71× → 0.67× the plain page's time to drawn), and the engine still
  // downloads while the app starts up (WebGL ready 1.48× → 1.54×: the reader has the SVG map meanwhile).
  void Promise.race([data, app.catch(() => {})]).then(() => warmUpMap(location.search));
  // The CPU is idle while the app downloads: build the date formatters the first scene needs.
  window.setTimeout(() => warmFormats(guessLang(location.search, navigator.languages)), 0);
});
