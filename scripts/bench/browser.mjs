/**
 * Chromium for the benchmark: the launch flags of tests/browser/browser.ts (read from that file, so
 * the two cannot drift apart) and the throttled phone profile, applied through the DevTools protocol.
 */
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** The phone: a 412×823 CSS-px viewport (a mid-range Android phone), throttled CPU and "Fast 3G". */
export const PROFILE = {
  viewport: { width: 412, height: 823 },
  cpuSlowdown: 4,
  network: {
    offline: false,
    latency: 150,
    downloadThroughput: 1_600_000 / 8,
    uploadThroughput: 750_000 / 8,
    connectionType: /** @type {const} */ ('cellular3g'),
  },
};

/** The ARGS array of tests/browser/browser.ts. */
/** @param {string} root the repository's folder @returns {string[]} */
export function testLaunchArgs(root) {
  const text = readFileSync(`${root}/tests/browser/browser.ts`, 'utf8');
  const block = /const ARGS = \[([\s\S]*?)\];/.exec(text)?.[1];
  const args = block ? [...block.matchAll(/'([^']+)'/g)].map((m) => /** @type {string} */ (m[1])) : [];
  if (!args.includes('--use-angle=swiftshader'))
    throw new Error('could not read the launch flags of tests/browser/browser.ts');
  return args;
}

/**
 * Launches headless Chromium with the test flags, and warms it up: one throwaway page paints text and
 * a 2D canvas, so that starting the GPU process and compiling the compositor's own shaders (seconds
 * with SwiftShader on a busy machine; once per browser install on a phone, whose disk shader cache
 * keeps them) is not charged to the first page measured. WebGL is not touched: each page still
 * compiles its own map shaders from cold.
 * @param {string} root the repository's folder
 */
export async function launch(root) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: testLaunchArgs(root) });
  const context = await browser.newContext({ viewport: PROFILE.viewport });
  const page = await context.newPage();
  await page.setContent('<p style="font:16px sans-serif">warm-up</p><canvas width="64" height="64"></canvas>');
  await page.evaluate(async () => {
    const c = /** @type {CanvasRenderingContext2D} */ (
      /** @type {HTMLCanvasElement} */ (document.querySelector('canvas')).getContext('2d')
    );
    c.fillRect(0, 0, 32, 32);
    c.fillText('x', 40, 40);
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  });
  await context.close();
  return browser;
}

/**
 * A fresh context (empty cache) with the phone viewport, a page, and a CDP session with the CPU and
 * network throttling on. deviceScaleFactor is a parameter (the report says which was used).
 * @param {import('playwright-core').Browser} browser
 * @param {{ dsf: number, initScript?: string | (() => void) }} options
 */
export async function openPhone(browser, { dsf, initScript }) {
  const context = await browser.newContext({
    viewport: PROFILE.viewport,
    deviceScaleFactor: dsf,
    isMobile: true,
    hasTouch: true,
  });
  if (initScript) await context.addInitScript(initScript);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Performance.enable');
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: PROFILE.cpuSlowdown });
  await cdp.send('Network.emulateNetworkConditions', PROFILE.network);
  return { context, page, cdp };
}

/** Main-thread counters of Performance.getMetrics (seconds → ms for durations, bytes for heap). */
/** @param {import('playwright-core').CDPSession} cdp */
export async function metrics(cdp) {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  /** @type {Record<string, number>} */
  const m = Object.fromEntries(list.map((x) => [x.name, x.value]));
  return {
    task: Number(m.TaskDuration) * 1000,
    script: Number(m.ScriptDuration) * 1000,
    layout: (Number(m.LayoutDuration) + Number(m.RecalcStyleDuration)) * 1000,
    heap: Number(m.JSHeapUsedSize),
  };
}

/** The JS heap after two full garbage collections, in bytes. */
/** @param {import('playwright-core').CDPSession} cdp */
export async function heapAfterGc(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize;
}

/**
 * The JS heap after two full garbage collections without V8's compiled code, in bytes: the self sizes
 * in a heap snapshot of every node but those of type "code" (optimised machine code, its relocation
 * and deoptimisation data). V8 keeps compiling the page's functions as they get hot, long after the
 * first hundred steps (an app runs more functions per step than the plain page); that is not a leak.
 * What a leak keeps (objects, arrays, strings, closures, DOM wrappers) is all here.
 * @param {import('playwright-core').CDPSession} cdp
 */
export async function heapObjectsAfterGc(cdp) {
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  /** @type {string[]} */
  const chunks = [];
  const onChunk = (/** @type {{ chunk: string }} */ e) => chunks.push(e.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  try {
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  } finally {
    cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  }
  const snap = JSON.parse(chunks.join(''));
  const fields = /** @type {string[]} */ (snap.snapshot.meta.node_fields);
  const types = /** @type {string[]} */ (snap.snapshot.meta.node_types[0]);
  const typeAt = fields.indexOf('type');
  const sizeAt = fields.indexOf('self_size');
  const code = types.indexOf('code');
  const nodes = /** @type {number[]} */ (snap.nodes);
  let total = 0;
  for (let i = 0; i < nodes.length; i += fields.length) {
    if (nodes[i + typeAt] !== code) total += Number(nodes[i + sizeAt]);
  }
  return total;
}
