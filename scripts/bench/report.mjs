/**
 * Turns the runs into a table: medians with min–max over runs, the app's figures as ratios to the
 * baseline's, the targets of issue 8 and whether they are met; writes it as Markdown and JSON and
 * into README.md between the performance markers.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/** @typedef {import('./measure.mjs').Run} Run */
/** @typedef {{ median: number, min: number, max: number, n: number }} Stat */
/** @typedef {ReturnType<typeof summarize>} Summary */
/** @typedef {{ firstPaint: number, interactiveTotal: number }} Budget the figures of size-budget.json used here */

/** @param {(number | null | undefined)[]} xs */
const median = (xs) => {
  const s = /** @type {number[]} */ (xs.filter((x) => Number.isFinite(x))).sort((a, b) => a - b);
  if (!s.length) return Number.NaN;
  const m = s.length >> 1;
  const mid = /** @type {number} */ (s[m]);
  const below = /** @type {number} */ (s[m - 1]);
  return s.length % 2 ? mid : (below + mid) / 2;
};
/** @type {(xs: (number | null | undefined)[]) => Stat} */
const stat = (xs) => {
  const nums = /** @type {number[]} */ (xs); // Math.min/max read null as 0 and undefined as NaN, as before
  return { median: median(xs), min: Math.min(...nums), max: Math.max(...nums), n: xs.length };
};

/** Byte categories of the app's files, by URL. */
/** @param {string} url */
export function category(url) {
  const p = new URL(url, 'http://x').pathname;
  if (p.includes('maplibre-gl-worker')) return 'engine worker';
  if (/map-view|maplibre/.test(p)) return p.endsWith('.css') ? 'engine css' : 'engine js';
  if (p.startsWith('/geo/basemap/')) return 'base map';
  if (p.startsWith('/geo/')) return 'facts';
  if (/\.woff2?$/.test(p)) return 'fonts';
  if (p.endsWith('.css')) return 'css';
  if (/\.m?js$/.test(p)) return 'app js';
  return 'html';
}

/** The figures of one page over its runs. */
/** @param {Run[]} runs */
export function summarize(runs) {
  const netSteps = runs.map((r) => {
    const overhead = median(r.empty);
    return r.steps.map((s) => Math.max(0, s.task - overhead));
  });
  /** @type {Record<string, number[]>} */
  const bytesBy = {};
  for (const r of runs) {
    const readyAt = r.load.ready;
    for (const q of r.load.requests.filter((x) => x.end <= Number(readyAt))) {
      const c = category(q.url);
      bytesBy[c] ??= [];
      bytesBy[c][runs.indexOf(r)] = (bytesBy[c][runs.indexOf(r)] ?? 0) + q.bytes;
    }
  }
  return {
    fcp: stat(runs.map((r) => r.load.fcp)),
    fcpIsMap: runs.filter((r) => r.load.fcpSvg?.inDomBefore && r.load.fcpSvg.height > 50 && r.load.fcpSvg.top < 823)
      .length,
    lcpElement: runs.map((r) => r.load.lcpElement),
    ready: stat(runs.map((r) => r.load.ready)),
    moveDrawn: stat(runs.map((r) => r.load.moveDrawn ?? r.load.ready)),
    bytesFcp: stat(runs.map((r) => r.load.bytesFcp)),
    bytesReady: stat(runs.map((r) => r.load.bytesReady)),
    bytesAll: stat(runs.map((r) => r.load.bytesAll)),
    bytesByCategory: Object.fromEntries(Object.entries(bytesBy).map(([k, v]) => [k, median(v.map((x) => x ?? 0))])),
    workMedian: stat(runs.map((r) => median(r.steps.map((s) => s.work)))),
    workWorst: stat(runs.map((r) => Math.max(.../** @type {number[]} */ (r.steps.map((s) => s.work))))),
    stepMedian: stat(netSteps.map(median)),
    stepWorst: stat(netSteps.map((s) => Math.max(...s))),
    stepCount: runs[0]?.steps.length ?? 0,
    stepTimeouts: runs.reduce((a, r) => a + r.steps.filter((s) => !s.ok).length, 0),
    harness: stat(runs.map((r) => median(r.empty))),
    heapLoad: stat(runs.map((r) => r.heap.load)),
    heapAfter: stat(runs.map((r) => r.heap.after)),
    // From the warmed-up page (after the first 100 steps: compiled code and caches settled) to the end:
    // a leak keeps growing there, the one-off warm-up does not.
    heapGrowth: stat(runs.map((r) => r.heap.after - (r.heap.warm ?? r.heap.load))),
    // The same without V8's compiled code (heap snapshots; browser.mjs heapObjectsAfterGc): what a leak keeps.
    heapGrowthObjects: stat(
      runs.map((r) =>
        r.heap.objectsAfter != null && r.heap.objectsWarm != null
          ? r.heap.objectsAfter - r.heap.objectsWarm
          : Number.NaN,
      ),
    ),
    heapSteps: runs[0]?.heap.steps ?? 0,
    embedBytes: stat(runs.map((r) => r.embed.bytesBeforeScroll)),
    embedEngine: stat(runs.map((r) => r.embed.engineBytesBeforeScroll)),
    embedReady: stat(runs.map((r) => r.embed.readyAfterScroll)),
    embedMove: stat(runs.map((r) => r.embed.moveAfterScroll ?? Number.NaN)),
    offsite: [...new Set(runs.flatMap((r) => r.load.offsite))],
    errors: [...new Set(runs.flatMap((r) => r.errors))],
  };
}

/** @typedef {(x: number) => string} Format */
/** @type {Format} */
const ms = (x) => (Number.isFinite(x) ? `${Math.round(x)}` : '–');
/** @type {Format} */
const ms1 = (x) => (Number.isFinite(x) ? x.toFixed(1) : '–');
/** @type {Format} */
const kb = (x) => (Number.isFinite(x) ? (x / 1000).toFixed(1) : '–');
/** @type {Format} */
const mb = (x) => (Number.isFinite(x) ? (x / 1e6).toFixed(1) : '–');
/** @type {(s: Stat, f: Format) => string} */
const range = (s, f) => `${f(s.median)} (${f(s.min)}–${f(s.max)})`;
/** @type {(a: number, b: number) => string} */
const ratio = (a, b) => (b > 0 && Number.isFinite(a) ? (a / b).toFixed(2) : '–');

/** The rows of the table: [metric, app, baseline, ratio, target, met]. */
/**
 * @param {Summary} app @param {Summary} base @param {Budget} budget @param {number} noise
 * @returns {string[][]}
 */
export function rows(app, base, budget, noise) {
  const yes = (/** @type {boolean} */ ok) => (ok ? 'yes' : '**no**');
  /** @type {(label: string, key: { [K in keyof Summary]: Summary[K] extends Stat ? K : never }[keyof Summary], f: Format, target: string, ok: string) => string[]} */
  const r = (label, key, f, target, ok) => [
    label,
    range(app[key], f),
    range(base[key], f),
    ratio(app[key].median, base[key].median),
    target,
    ok,
  ];
  // MapLibre itself grows while the slider sweeps the range (the plain baseline page does too): the app
  // must add nothing beyond the engine's own growth and the measurement noise.
  // Measured on the objects alone (compiled code left out: V8 keeps optimising hot functions for
  // hundreds of steps, more of them on a page that runs more code per step; that is not a leak).
  const growthLimit =
    (Number.isFinite(base.heapGrowthObjects.median) ? Math.max(0, base.heapGrowthObjects.median) : 0) + noise;
  const growthOk = app.heapGrowthObjects.median <= growthLimit;
  return [
    r('First contentful paint (ms)', 'fcp', ms, 'the prerendered map', ''),
    [
      'FCP shows the prerendered SVG map (runs)',
      `${app.fcpIsMap}/${app.fcp.n}`,
      `${base.fcpIsMap}/${base.fcp.n}`,
      '',
      'all runs',
      yes(app.fcpIsMap === app.fcp.n),
    ],
    r(
      'Transferred before FCP (kB)',
      'bytesFcp',
      kb,
      `≤ ${budget.firstPaint / 1000}`,
      yes(app.bytesFcp.max <= budget.firstPaint),
    ),
    r(
      'First slider move drawn (app: `data-date` changes after a key press sent when the slider appears; baseline: first drawn) (ms)',
      'moveDrawn',
      ms,
      'ratio ≤ 0.70',
      yes(app.moveDrawn.median <= 0.7 * base.moveDrawn.median),
    ),
    r(
      'WebGL map ready, `data-map-state=ready` (ms)',
      'ready',
      ms,
      'ratio ≤ 1.10',
      yes(app.ready.median <= 1.1 * base.ready.median),
    ),
    r(
      'Transferred until ready (kB)',
      'bytesReady',
      kb,
      `≤ ${budget.interactiveTotal / 1000}`,
      yes(app.bytesReady.max <= budget.interactiveTotal),
    ),
    r('Transferred in all, page settled (kB)', 'bytesAll', kb, '', ''),
    r(
      `Slider step, page's own work (handlers + style + layout), median of ${app.stepCount} (ms)`,
      'workMedian',
      ms1,
      '≤ 8',
      yes(app.workMedian.median <= 8),
    ),
    r("Slider step, page's own work, worst (ms)", 'workWorst', ms1, '', ''),
    r('Slider step, all main-thread time incl. map redraw, median (ms)', 'stepMedian', ms1, '', ''),
    r('Slider step, all main-thread time incl. map redraw, worst (ms)', 'stepWorst', ms1, '', ''),
    r('JS heap after load (MB)', 'heapLoad', mb, '', ''),
    r(`JS heap after ${app.heapSteps} steps (MB)`, 'heapAfter', mb, '', ''),
    r(`JS heap growth from step 100 to step ${app.heapSteps}, compiled code included (kB)`, 'heapGrowth', kb, '', ''),
    r(
      `JS heap growth from step 100 to step ${app.heapSteps}, objects only (no compiled code) (kB)`,
      'heapGrowthObjects',
      kb,
      `≤ baseline + noise (${kb(growthLimit)})`,
      yes(growthOk),
    ),
    r('Below-fold embed: transferred before scrolled near (kB)', 'embedBytes', kb, '', ''),
    r(
      'Below-fold embed: MapLibre bytes before scrolled near (kB)',
      'embedEngine',
      kb,
      '0',
      yes(app.embedEngine.max === 0),
    ),
    r(
      'Below-fold embed: first slider move drawn after scrolling to it (ms)',
      'embedMove',
      ms,
      '≤ 1000',
      yes(app.embedMove.median <= 1000),
    ),
    r('Below-fold embed: WebGL ready after scrolling to it (ms)', 'embedReady', ms, '', ''),
  ];
}

/** The Markdown report. */
/**
 * @param {{ app: Summary, base: Summary, budget: Budget, noise: number, env: Record<string, string | number> }} report
 */
export function markdown({ app, base, budget, noise, env }) {
  const head = ['Metric', 'App: median (min–max)', 'Baseline: median (min–max)', 'App ÷ baseline', 'Target', 'Met'];
  const table = [head, head.map(() => '---'), ...rows(app, base, budget, noise)].map((r) => `| ${r.join(' | ')} |`);
  const cats = Object.entries(app.bytesByCategory)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${kb(v)}`)
    .join(', ');
  return [
    `Measured ${env.date} on ${env.machine}; ${env.chromium}; load average ${env.loadBefore} before, ${env.loadAfter} after.`,
    `Phone profile: 412×823 CSS px, deviceScaleFactor ${env.dsf}, touch; CPU slowed ${env.cpu}×; network 1.6 Mbit/s down, 750 kbit/s up, 150 ms latency (DevTools emulation); gzip server with ETags, a fresh browser and context (cold cache) per run; ${env.runs} runs per page, app and baseline alternating. Slider steps are input events across the whole range, each waited until the map's next idle. A step's own work is the time its input handlers take plus the style and layout they cause (forced right after, so it is counted), on the 4× slower CPU: what the issue's 8 ms target is about. Its whole main-thread time adds the map's redraw in the following frames (WebGL commands; the GPU is emulated in software here, SwiftShader): Performance.getMetrics TaskDuration minus the harness's own cost per step (${ms1(app.harness.median)} ms, measured with empty steps). The ${app.heapSteps} heap steps run unthrottled; heap is measured after two forced garbage collections.`,
    '',
    ...table,
    '',
    `App bytes until ready by kind (median, kB gz): ${cats}.`,
    app.errors.length || base.errors.length ? `Page errors: ${[...app.errors, ...base.errors].join('; ')}` : '',
    app.offsite.length || base.offsite.length
      ? `Off-site requests: ${[...app.offsite, ...base.offsite].join(', ')}`
      : '',
  ]
    .filter((l, i, all) => l !== '' || all[i - 1] !== '')
    .join('\n');
}

const START = '<!-- bench:start (written by npm run bench) -->';
const END = '<!-- bench:end -->';

/** Puts the table into README.md's "## Performance" section (created at the end when missing). */
/** @param {string} path @param {string} md */
export function updateReadme(path, md) {
  let text = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const block = `${START}\n${md}\n${END}`;
  if (text.includes(START) && text.includes(END)) {
    text = text.slice(0, text.indexOf(START)) + block + text.slice(text.indexOf(END) + END.length);
  } else if (/^## Performance$/m.test(text)) {
    text = text.replace(/^## Performance\n/m, `## Performance\n\n${block}\n`);
  } else {
    text = `${text.trimEnd()}\n\n## Performance\n\n${block}\n`;
  }
  writeFileSync(path, text);
}
