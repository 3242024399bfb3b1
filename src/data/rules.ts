/**
 * The named rules of the data checks. A problem that breaks one ends with "(rule <name>: <text>)", so an
 * editor can look the rule up in the README ("How to update a fact") and tests can match on the name.
 */
export const RULES = {
  'source-outlet': 'every source names the outlet that published it (the original, not the mirror)',
  'source-date': 'every source has a date (YYYY, YYYY-MM or YYYY-MM-DD), or null when the source is undated',
  'source-grade': 'every source has a grade: A, B, C or D',
  'no-grade-d': 'no fact may cite a grade-D source',
  'copy-needs-via': 'a source marked "copy" names where the copy was read ("via")',
  'reporting-ends-by-as-of': 'reportingEnds is on or before asOf (the day the facts were last checked)',
  'as-of-current': 'asOf is on or after the newest entry in changes',
  'site-reporting-ends': "a site's reportingEnds is on or before the timeline's reportingEnds",
  'nothing-after-reporting':
    'after the last report on a site, its status is "unknown" (or stays "withdrawn"), and no period starts later than the day after',
  'default-date-in-range': 'defaultDate lies within range',
  'default-date-known':
    'defaultDate must not be a date on which more than half of the sites have status unknown or no period',
  'announcement-sites': 'an announcement names at least one site, each an existing site id',
  'announcement-deadline': 'an announcement\'s deadline ("by") is on or after the day it was announced',
  'changes-newest-first': 'changes are listed newest first',
} as const;

export type RuleName = keyof typeof RULES;
