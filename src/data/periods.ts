/** Which period of a list is in force on a date. Dates are 'YYYY-MM-DD' strings, which sort as text; starts and ends are inclusive. */

export interface Dated {
  start: string;
  end?: string | undefined;
}

/** The period that contains the date (start and end inclusive, no end = open), or null. */
export function periodAt<P extends Dated>(periods: readonly P[], date: string): P | null {
  for (const p of periods) {
    if (p.start <= date && (p.end === undefined || date <= p.end)) return p;
  }
  return null;
}
