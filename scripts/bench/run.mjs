/**
 * npm run bench: builds the site, serves it (and the baseline page) with gzip on 127.0.0.1, and
 * measures the app against a plain-MapLibre baseline on a throttled phone, side by side, several
 * cold runs each. Writes bench/results/latest.{md,json} and the table in README.md.
 *
 * Options: --runs=5 --dsf=2 --steps=60 --heap-steps=500 --no-build --no-readme --quick (1 run, few
 * steps: for trying a change, not for the README), --dist=<folder> (measure another build, e.g. a copy
 * of dist/ from before a change; implies --no-build), --only=app|baseline.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { launch } from './browser.mjs';
import { measureEmbed, measurePage } from './measure.mjs';
import { markdown, rows, summarize, updateReadme } from './report.mjs';
import { startBenchServer } from './server.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DIST = /** @type {string} */ (typeof flagValue('dist') === 'string' ? flagValue('dist') : join(ROOT, 'dist'));
/** @param {string} name */
function flagValue(name) {
  const hit = process.argv.find((a) => a.startsWith(`--${name}=`));
  return hit ? hit.slice(name.length + 3) : undefined;
}
/** @type {(name: string, fallback: string | number | boolean) => string | number | boolean} */
const flag = (name, fallback) => {
  const hit = process.argv.find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (!hit) return fallback;
  return hit.includes('=') ? /** @type {string} */ (hit.split('=')[1]) : true;
};
const quick = flag('quick', false);
const opts = {
  runs: Number(flag('runs', quick ? 1 : 5)),
  dsf: Number(flag('dsf', 2)),
  steps: Number(flag('steps', quick ? 20 : 60)),
  heapSteps: Number(flag('heap-steps', quick ? 120 : 500)),
};
const say = (/** @type {string} */ line) => process.stdout.write(`${line}\n`);
const started = Date.now();
const loadavg = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

if (!process.argv.includes('--no-build') && flagValue('dist') === undefined) {
  say('bench: vite build …');
  const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const b = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  if (b.status !== 0) process.exit(b.status ?? 1);
}

// The first paint, statically: the prerendered SVG is in the HTML and no parser-blocking script precedes it.
const html = readFileSync(join(DIST, 'index.html'), 'utf8');
const svgAt = html.indexOf('<svg', html.indexOf('id="map-static"'));
const blocking = [...html.slice(0, svgAt).matchAll(/<script\b[^>]*>/g)]
  .map((m) => m[0])
  .filter((tag) => !/type=["']?module|\basync\b|\bdefer\b/.test(tag));
const staticFcp = { svgInHtml: svgAt > 0, blockingScriptsBefore: blocking };

// MapLibre's files in the build: any script that carries it (as tests/browser/embed.test.ts does) and
// its style sheet (the map-view chunk's CSS; the app's own CSS names maplibre's classes, so not by content).
// The engine's chunks by name (vite names them for their entry modules: map/map-view.ts, which
// bundles maplibre-gl, its worker, engine-worker.ts). Not every file that mentions "maplibre": the app's
// own code names MapLibre's CSS classes.
const engineFiles = readdirSync(join(DIST, 'assets')).filter(
  (f) => /\.(m?js|css)$/.test(f) && /map-view|maplibre|engine-worker/.test(f),
);
const isEngine = (/** @type {string} */ url) =>
  url.includes('maplibre') || engineFiles.some((f) => url.includes(`/assets/${f}`));

const budget = JSON.parse(readFileSync(join(ROOT, 'size-budget.json'), 'utf8'));
const server = await startBenchServer([
  ['/', DIST],
  ['/bench/', join(ROOT, 'bench')],
  ['/node_modules/maplibre-gl/dist/', join(ROOT, 'node_modules', 'maplibre-gl', 'dist')],
  ['/node_modules/@fontsource/noto-sans/files/', join(ROOT, 'node_modules', '@fontsource', 'noto-sans', 'files')],
]);
const PAGES = {
  app: { url: `${server.url}`, host: `${server.url}bench/hosts/below-fold-app.html` },
  baseline: { url: `${server.url}bench/baseline/`, host: `${server.url}bench/hosts/below-fold-baseline.html` },
};

const loadBefore = loadavg();
/** @type {{ app: import('./measure.mjs').Run[], baseline: import('./measure.mjs').Run[] }} */
const results = { app: [], baseline: [] };
let chromium = '';
try {
  for (let i = 0; i < opts.runs; i++) {
    // Alternating order, so that drift in the machine's load does not favour one page.
    /** @type {('app' | 'baseline')[]} */
    const order = i % 2 ? ['baseline', 'app'] : ['app', 'baseline'];
    for (const name of order.filter((n) => !flagValue('only') || n === flagValue('only'))) {
      const browser = await launch(ROOT);
      chromium = `Chromium ${browser.version()}`;
      try {
        const run = /** @type {import('./measure.mjs').Run} */ (
          await measurePage(browser, server, PAGES[name].url, opts)
        );
        run.embed = await measureEmbed(browser, server, PAGES[name].host, isEngine, opts);
        results[name].push(run);
        const steps = run.steps.map((s) => s.task).sort((a, b) => a - b);
        say(
          `run ${i + 1}/${opts.runs} ${name.padEnd(8)} fcp ${Math.round(Number(run.load.fcp))} ms, ready ${Math.round(Number(run.load.ready))} ms, ` +
            `${Math.round(run.load.bytesReady / 1000)} kB; step p50 ${steps[steps.length >> 1]?.toFixed(1)} ms raw; ` +
            `embed ${Math.round(run.embed.bytesBeforeScroll / 1000)} kB before scroll (engine ${run.embed.engineBytesBeforeScroll} B)`,
        );
      } finally {
        await browser.close();
      }
    }
  }
} finally {
  await server.close();
}

const app = summarize(results.app);
const base = summarize(results.baseline);
// Heap noise: the spread of the idle page's heap measured three times a second apart (max over runs),
// and never below 1% of the heap: V8 and MapLibre keep small caches that come and go.
const spread = Math.max(...results.app.map((r) => Math.max(...r.heap.idle) - Math.min(...r.heap.idle)));
const noise = Math.max(spread, 0.01 * app.heapLoad.median);
const cpus = os.cpus();
const env = {
  date: new Date().toISOString().slice(0, 10),
  machine: `${cpus.length} × ${cpus[0]?.model.trim() ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, ${os.type()} ${os.release()}`,
  chromium,
  loadBefore,
  loadAfter: loadavg(),
  dsf: opts.dsf,
  cpu: 4,
  runs: opts.runs,
  minutes: ((Date.now() - started) / 60000).toFixed(1),
};
const built = !process.argv.includes('--no-build') && flagValue('dist') === undefined;
const md = `${markdown({ app, base, budget, noise, env })}\n\nThe benchmark took ${env.minutes} min (\`npm run bench -- ${process.argv.slice(2).join(' ')}\`${built ? ', build included' : ', on an existing build'}).`;
const firstPaintGz = gzipSync(html, { level: 9 }).length;
const out = join(ROOT, 'bench', 'results');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'latest.md'), `# Benchmark: app vs plain MapLibre\n\n${md}\n`);
writeFileSync(
  join(out, 'latest.json'),
  `${JSON.stringify({ env, opts, staticFcp, firstPaintGz, engineFiles, noise, summary: { app, baseline: base }, runs: results }, null, 1)}\n`,
);
if (!quick && !process.argv.includes('--no-readme')) {
  updateReadme(join(ROOT, 'README.md'), md);
  // The project's formatter owns README.md too (npm test checks it): align the new table its way.
  const biome = join(ROOT, 'node_modules', '@biomejs', 'biome', 'bin', 'biome');
  spawnSync(process.execPath, [biome, 'format', '--write', 'README.md'], { cwd: ROOT, stdio: 'ignore' });
}
say('');
say(md);
say('');
say(`static check: SVG in HTML ${staticFcp.svgInHtml}, blocking scripts before it: ${blocking.length}`);
const missed = rows(app, base, budget, noise).filter((r) => r[5] === '**no**');
say(missed.length ? `targets missed: ${missed.map((r) => r[0]).join('; ')}` : 'all targets met');
