/**
 * The page's entry script (index.html). The prerendered SVG map in the HTML is the first paint and
 * needs only the HTML and the style sheet; so this script, which is small, waits until that paint is
 * on screen and only then starts everything else at once: the data downloads (data/preload.ts), the
 * map engine (render/warm.ts) and the app (main.ts), which then arrive side by side instead of one after
 * the other, and none of them before the first paint (issue 8). The style sheet is imported here, not
 * in main.ts, so that it stays a render-blocking <link> of the HTML.
 */
import './styles/main.css';
import { preloadData } from './data/preload.ts';
import { warmUpMap } from './render/warm.ts';
import { afterFirstPaint } from './ui/first-paint.ts';

afterFirstPaint(() => {
  preloadData();
  warmUpMap(location.search);
  void import('./main.ts');
});
