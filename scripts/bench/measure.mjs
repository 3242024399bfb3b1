/**
 * One benchmark run of one page (the app or the baseline), on the throttled phone: cold load (first
 * contentful paint, map ready, bytes), slider steps (main-thread time each), the JS heap before and
 * after 500 steps, and the same page embedded 3000 px below the fold of a host page.
 */
import { heapAfterGc, heapObjectsAfterGc, metrics, openPhone, PROFILE } from './browser.mjs';
import { recordNetwork } from './recorder.mjs';

/**
 * What initScript records in the page (performance.now() times, ms).
 * @typedef {{
 *   fcp: number | null, fcpSvg: { inDomBefore: boolean, width: number, height: number, top: number } | null,
 *   lcp: number | null, lcpElement: string | null, svgAt: number | null, readyAt: number | null,
 *   errorAt: number | null, lastWork: number | null, sliderAt: number | null, moveDrawnAt: number | null
 * }} BenchMarks
 */
/** @typedef {Window & { __bench: BenchMarks, __benchSettled: Promise<void>, __benchStep: (value: number) => Promise<boolean> }} BenchWindow */
/** @typedef {import('playwright-core').Browser} Browser */
/** @typedef {import('playwright-core').Page} Page */
/** @typedef {import('playwright-core').CDPSession} CDPSession */
/** @typedef {Awaited<ReturnType<typeof import('./server.mjs').startBenchServer>>} BenchServer */
/** @typedef {{ dsf: number, steps: number, heapSteps: number }} MeasureOptions */
/** One run of one page: the cold load, the slider steps and heap, and (added by run.mjs) the embed. */
/** @typedef {Awaited<ReturnType<typeof measurePage>> & Required<Awaited<ReturnType<typeof sliderSteps>>> & { embed: Awaited<ReturnType<typeof measureEmbed>> }} Run */

const LOAD_TIMEOUT_MS = 120_000;
const STEP_TIMEOUT_MS = 5_000;

/**
 * Runs in every frame before its own scripts: paint and readiness timestamps (performance.now()),
 * and when the prerendered SVG entered the DOM. `window.__benchStep(value)` moves #date-slider like
 * a drag (an input event) and resolves after the map's next idle (a write of data-date or
 * data-map-state) plus two frames, or after a timeout (then with false).
 */
function initScript() {
  /** @type {BenchMarks} */
  const b = {
    fcp: null,
    fcpSvg: null,
    lcp: null,
    lcpElement: null,
    svgAt: null,
    readyAt: null,
    errorAt: null,
    lastWork: null,
    sliderAt: null,
    moveDrawnAt: null,
  };
  Object.defineProperty(window, '__bench', { value: b });
  /** @type {(value?: unknown) => void} */
  let settle = () => {};
  Object.defineProperty(window, '__benchSettled', { value: new Promise((r) => (settle = r)) });
  // The prerendered map shown (index.html carries a wide and a phone one; CSS shows one of them).
  const svg = () =>
    [...document.querySelectorAll('#map-static svg')].find((s) => s.getBoundingClientRect().height > 0) ?? null;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.name !== 'first-contentful-paint') continue;
      b.fcp = e.startTime;
      // Read when the observer runs (just after the paint): the map is not ready that early.
      const s = svg();
      const r = s?.getBoundingClientRect();
      b.fcpSvg =
        s && r
          ? { inDomBefore: b.svgAt !== null && b.svgAt <= e.startTime, width: r.width, height: r.height, top: r.top }
          : null;
    }
  }).observe({ type: 'paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      b.lcp = e.startTime;
      const el = /** @type {PerformanceEntry & { element?: Element | null }} */ (e).element;
      b.lcpElement = el ? el.tagName.toLowerCase() + (el.id ? `#${el.id}` : '') : null;
    }
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  const watch = new MutationObserver(() => {
    if (b.svgAt === null && svg()) b.svgAt = performance.now();
    const state = document.documentElement?.dataset.mapState;
    if (state === 'ready' && b.readyAt === null) b.readyAt = performance.now();
    if (state === 'error' && b.errorAt === null) b.errorAt = performance.now();
    if (b.readyAt === null && b.errorAt === null) return;
    watch.disconnect();
    settle();
  });
  watch.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-map-state'] });
  // The first slider move, sent as soon as the app's slider exists (a key press, as a reader's first
  // one): when does the map show the new date (data-date changes)? The baseline page's slider is in its
  // HTML and only listens to drags, so it records nothing here: its figure is its time to drawn.
  // Init scripts run before the HTML is parsed: <html> is looked up when the slider appears.
  const pressWhenThere = new MutationObserver(() => {
    const s = document.getElementById('date-slider');
    if (!s?.isConnected || b.sliderAt !== null) return;
    if (!s.closest('.timeline')) return;
    pressWhenThere.disconnect();
    const root = document.documentElement;
    b.sliderAt = performance.now();
    const before = root.dataset.date;
    const drawnWatch = new MutationObserver(() => {
      if (root.dataset.date === before) return;
      b.moveDrawnAt = performance.now();
      drawnWatch.disconnect();
    });
    drawnWatch.observe(root, { attributes: true, attributeFilter: ['data-date'] });
    s.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, cancelable: true }));
  });
  pressWhenThere.observe(document, { subtree: true, childList: true });
  /** @type {BenchWindow} */ (/** @type {unknown} */ (window)).__benchStep = (value) =>
    new Promise((resolve) => {
      const slider = /** @type {HTMLInputElement} */ (document.getElementById('date-slider'));
      /** @type {ReturnType<typeof setTimeout> | undefined} */
      let timer;
      const done = (/** @type {boolean} */ ok) => {
        mo.disconnect();
        clearTimeout(timer);
        requestAnimationFrame(() => requestAnimationFrame(() => resolve(ok)));
      };
      const mo = new MutationObserver(() => done(true));
      mo.observe(document.documentElement, { attributes: true, attributeFilter: ['data-date', 'data-map-state'] });
      timer = setTimeout(() => done(false), 4000);
      // The page's own work for the step: its input handlers, then the style and layout they caused
      // (forced here, so that it is counted); the map's redraw comes in the next frames, not here.
      const t0 = performance.now();
      slider.value = String(value);
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      void document.documentElement.offsetHeight;
      b.lastWork = performance.now() - t0;
    });
}

const frames2 = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
const sleep = (/** @type {number} */ ms) => new Promise((r) => setTimeout(r, ms));

/** Waits (one evaluate, no polling in the page) until the map is ready or failed. */
/** @param {Page | import('playwright-core').Frame} frame */
async function settled(frame) {
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error('the map did not become ready in time')), LOAD_TIMEOUT_MS);
  });
  try {
    await Promise.race([
      frame.evaluate(() => /** @type {BenchWindow} */ (/** @type {unknown} */ (window)).__benchSettled),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** Waits until no response has arrived for quietMs (bounded by maxMs). */
/** @param {BenchServer} server @param {number} quietMs @param {number} maxMs */
async function networkQuiet(server, quietMs, maxMs) {
  const until = Date.now() + maxMs;
  let n = server.log.length;
  let since = Date.now();
  while (Date.now() < until) {
    await sleep(100);
    if (server.log.length !== n) [n, since] = [server.log.length, Date.now()];
    else if (Date.now() - since >= quietMs) return true;
  }
  return false;
}

/** Cold load, slider steps and heap of url; returns the figures of one run. */
/** @param {Browser} browser @param {BenchServer} server @param {string} url @param {MeasureOptions} opts */
export async function measurePage(browser, server, url, opts) {
  const { context, page, cdp } = await openPhone(browser, { dsf: opts.dsf, initScript });
  const net = recordNetwork(page, cdp, server.log);
  /** @type {string[]} */
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    await page.goto(url, { waitUntil: 'commit', timeout: LOAD_TIMEOUT_MS });
    await settled(page);
    const b = await page.evaluate(() => ({
      .../** @type {BenchWindow} */ (/** @type {unknown} */ (window)).__bench,
      origin: performance.timeOrigin,
    }));
    if (b.errorAt !== null) throw new Error(`${url}: data-map-state=error (${errors.join('; ')})`);
    await networkQuiet(server, 1500, 15_000);
    const at = (/** @type {number | null} */ t) => b.origin + Number(t);
    const load = {
      fcp: b.fcp,
      lcp: b.lcp,
      lcpElement: b.lcpElement,
      fcpSvg: b.fcpSvg,
      ready: b.readyAt,
      // The app: its first slider move drawn; the baseline: when it has first drawn at all.
      moveDrawn: b.moveDrawnAt ?? b.readyAt,
      sliderAt: b.sliderAt,
      bytesFcp: net.bytesUntil(at(b.fcp)),
      bytesReady: net.bytesUntil(at(b.readyAt)),
      bytesAll: net.bytesUntil(Number.POSITIVE_INFINITY),
      requests: net.requests().map((r) => ({ ...r, end: Math.round(r.end - b.origin) })),
      offsite: net.offsite,
    };
    const steps = opts.steps ? await sliderSteps(page, cdp, opts) : null;
    return { load, ...steps, errors };
  } finally {
    await context.close();
  }
}

/** Positions 0…max of the slider in n even steps (forward), or bouncing sweeps of n positions. */
const positions = (/** @type {number} */ max, /** @type {number} */ n) =>
  Array.from({ length: n + 1 }, (_, i) => Math.round((i * max) / n));

/** Main-thread time per slider step (and per empty step, the harness's own cost), heap before/after. */
/** @param {Page} page @param {CDPSession} cdp @param {MeasureOptions} opts */
async function sliderSteps(page, cdp, opts) {
  const max = Number(await page.getAttribute('#date-slider', 'max', { timeout: STEP_TIMEOUT_MS }));
  const step = async (/** @type {number} */ value) => {
    const m0 = await metrics(cdp);
    const ok = await page.evaluate(
      (v) => /** @type {BenchWindow} */ (/** @type {unknown} */ (window)).__benchStep(v),
      value,
    );
    const m1 = await metrics(cdp);
    const work = await page.evaluate(
      () => /** @type {BenchWindow} */ (/** @type {unknown} */ (window)).__bench.lastWork,
    );
    return { ok, work, task: m1.task - m0.task, script: m1.script - m0.script, layout: m1.layout - m0.layout };
  };
  /** @type {number[]} */
  const empty = [];
  for (let i = 0; i < 15; i++) {
    const m0 = await metrics(cdp);
    await page.evaluate(frames2);
    const m1 = await metrics(cdp);
    empty.push(m1.task - m0.task);
  }
  // Heap "noise": the same idle page measured three times, a second apart.
  /** @type {number[]} */
  const idle = [];
  for (let i = 0; i < 3; i++) {
    if (i) await sleep(1000);
    idle.push(await heapAfterGc(cdp));
  }
  const heapLoad = /** @type {number} */ (idle[0]);
  const [first, ...rest] = positions(max, opts.steps);
  await step(/** @type {number} */ (first));
  const timed = [];
  for (const v of rest) timed.push(await step(v));
  // The 500 heap steps: bouncing sweeps over 50 positions, CPU throttling off (heap does not depend
  // on it, and it keeps the benchmark's run time sane); each still waits for the map's idle.
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  const sweep = positions(max, 50);
  let timeouts = 0;
  /** @type {number | null} */
  let heapWarm = null;
  /** @type {number | null} */
  let objectsWarm = null;
  for (let i = 0; i < opts.heapSteps; i++) {
    // After the first 100 steps caches and compiled code have settled: a leak keeps growing past it.
    if (i === 100) {
      heapWarm = await heapAfterGc(cdp);
      objectsWarm = await heapObjectsAfterGc(cdp);
    }
    const lap = Math.floor(i / 50);
    const k = i % 50;
    const v = lap % 2 === 0 ? sweep[k + 1] : sweep[49 - k];
    if (
      !(await page.evaluate(
        (x) => /** @type {BenchWindow} */ (/** @type {unknown} */ (window)).__benchStep(x),
        /** @type {number} */ (v),
      ))
    )
      timeouts++;
  }
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: PROFILE.cpuSlowdown });
  await sleep(1000);
  const heapSteps = await heapAfterGc(cdp);
  const objectsAfter = await heapObjectsAfterGc(cdp);
  return {
    steps: timed,
    empty,
    heap: {
      load: heapLoad,
      idle,
      warm: heapWarm,
      after: heapSteps,
      objectsWarm,
      objectsAfter,
      steps: opts.heapSteps,
      timeouts,
    },
  };
}

/** The page in an iframe 3000 px below the fold: bytes before it is scrolled near, then time to ready. */
/**
 * @param {Browser} browser @param {BenchServer} server @param {string} hostUrl
 * @param {(url: string) => boolean} isEngine @param {{ dsf: number }} opts
 */
export async function measureEmbed(browser, server, hostUrl, isEngine, opts) {
  const { context, page, cdp } = await openPhone(browser, { dsf: opts.dsf, initScript });
  const net = recordNetwork(page, cdp, server.log);
  try {
    await page.goto(hostUrl, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
    await networkQuiet(server, 3000, 30_000);
    const before = net.requests();
    const bytes = before.reduce((a, r) => a + r.bytes, 0);
    const engine = before.filter((r) => isEngine(r.url));
    const frame = /** @type {import('playwright-core').Frame} */ (page.frames().find((f) => f !== page.mainFrame()));
    const scrolledAt = Date.now();
    await page.evaluate(() =>
      /** @type {HTMLElement} */ (document.getElementById('map')).scrollIntoView({ block: 'center' }),
    );
    // A reader who scrolls to the map and moves the slider at once: when does the map show it?
    const moveDrawn = await frame.evaluate(
      () =>
        /** @type {Promise<number | null>} */ (
          new Promise((resolve) => {
            const root = document.documentElement;
            const s = document.getElementById('date-slider');
            if (!s) return resolve(null);
            const before = root.dataset.date;
            const t0 = performance.now();
            const mo = new MutationObserver(() => {
              if (root.dataset.date === before) return;
              mo.disconnect();
              resolve(performance.now() - t0);
            });
            mo.observe(root, { attributes: true, attributeFilter: ['data-date'] });
            s.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, cancelable: true }));
            setTimeout(() => resolve(null), 30_000);
          })
        ),
    );
    const moveAfterScroll = moveDrawn === null ? null : Date.now() - scrolledAt;
    await settled(frame);
    const readyAfterScroll = Date.now() - scrolledAt;
    return {
      bytesBeforeScroll: bytes,
      engineBytesBeforeScroll: engine.reduce((a, r) => a + r.bytes, 0),
      engineFilesBeforeScroll: engine.map((r) => r.url),
      readyAfterScroll,
      moveAfterScroll,
    };
  } finally {
    await context.close();
  }
}
