import type { UrlContext } from '../../src/state/url.ts';

/**
 * A fixed URL context for URL-parsing tests: the timeline's range, a default date, three phases and
 * three site ids. Pass overrides for a test that needs another language preference or site list.
 */
export function urlContext(overrides: Partial<UrlContext> = {}): UrlContext {
  return {
    range: { start: '2024-09-01', end: '2026-12-31' },
    defaultDate: '2026-03-15',
    phases: [
      { id: 'before', start: '2014-01-01', end: '2024-09-26' },
      { id: 'phase-1', start: '2024-09-27', end: '2025-09-30' },
      { id: 'phase-2', start: '2025-10-01', end: '2026-09-30' },
    ],
    siteIds: new Set(['ain-al-asad', 'al-tanf', 'erbil']),
    ...overrides,
  };
}
