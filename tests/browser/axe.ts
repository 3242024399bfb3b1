/** axe-core in a page under test: the one way the browser tests run it. */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from './fixture.ts';

const AXE = join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
}

/** axe-core's serious and critical violations on the page as it is now, one line each. */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const result = (await page.evaluate(() =>
    (window as unknown as { axe: { run(ctx: Document): Promise<unknown> } }).axe.run(document),
  )) as AxeResult;
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id} (${v.help}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
