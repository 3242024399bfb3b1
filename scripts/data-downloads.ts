/**
 * "Download the data" (issue 13, item 8): the facts of public/geo as a CSV (one row per site period,
 * with its sources), one GeoJSON bundle and a README with the licence and the "as of" date. Pure: data
 * in, text out; scripts/vite-plugin-downloads.ts writes the results into the build.
 */
import { stringify } from 'csv-stringify/sync';
import { DOWNLOAD_FILES } from '../src/data/download-files.ts';
import type { Period, SiteFeature, SourcesFile } from '../src/data/schema.ts';
import { type AppData, DATA_FILES } from '../src/data/types.ts';
import { formatDate } from '../src/i18n/index.ts';

/**
 * The licence of the facts: the desk's compilation (statuses, dates, positions, our notes) is published
 * under CC BY 4.0 (README, "Where the data comes from"). Set here once; every download file says it.
 * The sources' own texts stay their publishers'; only titles in our words and links are in the files.
 */
export const FACTS_LICENCE: string | null =
  'The facts compiled by the newsroom graphics desk (statuses, dates, positions and the notes, in our own words) are licensed under Creative Commons Attribution 4.0 International (CC BY 4.0, https://creativecommons.org/licenses/by/4.0/): credit "Newsroom graphics desk". The cited sources remain their publishers\' work; the files give only their titles in our words and links. Base map: Natural Earth (public domain).';

const NO_LICENCE =
  'No licence has been stated for these facts yet. Until the newsroom graphics desk states one, ask the desk before republishing them.';

/** The CSV's columns, in order, each with the line the README gives it. */
export const CSV_COLUMNS = {
  site_id: 'stable id of the site (lower-case-with-dashes), the same as in the map links (?site=...)',
  name_en: 'name of the site in English',
  name_de: 'name in German',
  name_fr: 'name in French',
  name_ar: 'name in Arabic',
  country: 'ISO 3166-1 alpha-2 code: IQ Iraq, SY Syria, JO Jordan, KW Kuwait, TR Turkey',
  kind: 'airbase, garrison, outpost, headquarters or airstrip',
  longitude: 'WGS 84 decimal degrees; empty where the site has no sourced position (never guessed)',
  latitude: 'WGS 84 decimal degrees; empty where the site has no sourced position',
  position_precision: 'exact, approximate (the nearby town) or unknown (not on the map)',
  period_start: 'first day of the period, YYYY-MM-DD',
  start_precision: 'day, or month/year: only the month/year is known and the date is its first day',
  period_end: 'last day of the period, YYYY-MM-DD; empty while the period is open (the latest known state)',
  end_precision: 'as start_precision; empty for an open period',
  status: 'present, drawdown (withdrawal announced or under way), withdrawn (left or handed over) or unknown',
  basis:
    'announced (a plan or statement of intent), reported (media, anonymous officials) or confirmed (an official statement or several grade-A reports)',
  note_en: "the desk's note on the period in English (empty where there is none)",
  note_de: 'the note in German',
  note_fr: 'the note in French',
  note_ar: 'the note in Arabic',
  source_ids: 'ids of the sources of the period (as in the GeoJSON\'s "sources"), separated by "; "',
  sources:
    'the same sources as "outlet[ via where we read it][ (copy)], date, link", separated by " | "; an undated source says "undated"',
  facts_as_of: 'the day the facts were last checked against the reporting (the same on every row)',
} as const;

export type CsvColumn = keyof typeof CSV_COLUMNS;
export type CsvRow = Record<CsvColumn, string>;

type Source = SourcesFile['sources'][number];

/** One source as a line of text: outlet (via, copy), date or "undated", link. */
export function sourceText(s: Source): string {
  const outlet = `${s.outlet}${s.via ? ` via ${s.via}` : ''}${s.copy ? ' (copy)' : ''}`;
  const date = s.date ?? `undated${s.accessed ? ` (read ${s.accessed})` : ''}`;
  return [outlet, date, ...(s.url ? [s.url] : [])].join(', ');
}

function periodRow(site: SiteFeature, p: Period, sources: Map<string, Source>, asOf: string): CsvRow {
  const props = site.properties;
  const placed = site.geometry !== null && props.location.precision !== 'unknown';
  const [lon, lat] = placed && site.geometry ? site.geometry.coordinates : ['', ''];
  return {
    site_id: site.id,
    name_en: props.name.en,
    name_de: props.name.de,
    name_fr: props.name.fr,
    name_ar: props.name.ar,
    country: props.country,
    kind: props.kind,
    longitude: String(lon),
    latitude: String(lat),
    position_precision: props.location.precision,
    period_start: p.start,
    start_precision: p.startPrecision ?? 'day',
    period_end: p.end ?? '',
    end_precision: p.end ? (p.endPrecision ?? 'day') : '',
    status: p.status,
    basis: p.basis,
    note_en: p.note?.en ?? '',
    note_de: p.note?.de ?? '',
    note_fr: p.note?.fr ?? '',
    note_ar: p.note?.ar ?? '',
    source_ids: p.sources.join('; '),
    sources: p.sources
      .map((id) => {
        const s = sources.get(id);
        // The data check refuses an unknown source id before a build gets here; say so rather than drop it.
        return s ? sourceText(s) : `${id} (not in sources.json)`;
      })
      .join(' | '),
    facts_as_of: asOf,
  };
}

/** Every period of every site, in the order of the file, as CSV rows. */
export function periodRows(data: Pick<AppData, 'presence' | 'sources' | 'timeline'>): CsvRow[] {
  const sources = new Map(data.sources.sources.map((s) => [s.id, s]));
  return data.presence.features.flatMap((site) =>
    site.properties.periods.map((p) => periodRow(site, p, sources, data.timeline.asOf)),
  );
}

/**
 * RFC 4180 CSV: a header row, CRLF between records, and a field quoted (with its quotes doubled) when it
 * holds a comma, a quote, CR or LF. csv-stringify quotes CR/LF only with quote_record_delimiter once the
 * delimiter is set, so it is set here.
 *
 * With a byte-order mark: Excel, the tool most readers of a news desk's CSV open it with, reads a CSV
 * without one in the system's legacy code page, which garbles the Arabic names and notes and every
 * accent and dash. Tools that read UTF-8 (pandas with encoding="utf-8-sig", R's readr, LibreOffice,
 * Google Sheets) skip the mark.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return stringify([header, ...rows], {
    bom: true,
    record_delimiter: 'windows',
    quote_record_delimiter: true,
  });
}

/** The download CSV: one row per site period. */
export function factsCsv(data: Pick<AppData, 'presence' | 'sources' | 'timeline'>): string {
  const header = Object.keys(CSV_COLUMNS) as CsvColumn[];
  return toCsv(
    header,
    periodRows(data).map((row) => header.map((c) => row[c])),
  );
}

/** The fact file a feature of the bundle comes from (its `layer` property): the file name without extension. */
export const LAYERS = {
  presence: DATA_FILES.presence.replace(/\.geojson$/, ''),
  ain: DATA_FILES.ain.replace(/\.geojson$/, ''),
  zone: DATA_FILES.zone.replace(/\.geojson$/, ''),
} as const;

/**
 * One GeoJSON FeatureCollection (RFC 7946) that GIS tools open as it is: every feature of the three
 * geographic fact files as published, each with a `layer` property naming its file, plus the timeline and
 * the sources as foreign members (RFC 7946 §6.1) so that the file stands alone.
 */
export function factsGeojson(data: AppData): Record<string, unknown> {
  const tag = <F extends { properties: object }>(layer: string, features: readonly F[]) =>
    features.map((f) => ({ ...f, properties: { ...f.properties, layer } }));
  return {
    type: 'FeatureCollection',
    name: 'coalition-iraq-syria',
    title: 'The coalition in Iraq and Syria, 2024-2026: sites, Ain al-Asad, north-east Syria',
    asOf: data.timeline.asOf,
    reportingEnds: data.timeline.reportingEnds,
    licence: FACTS_LICENCE ?? NO_LICENCE,
    readme: DOWNLOAD_FILES.readme.replace(/^data\//, ''),
    features: [
      ...tag(LAYERS.presence, data.presence.features),
      ...tag(LAYERS.ain, data.ain.features),
      ...tag(LAYERS.zone, data.zone.features),
    ],
    timeline: data.timeline,
    sources: data.sources.sources,
  };
}

const fileName = (path: string) => path.replace(/^.*\//, '');

/** Plain ASCII text wrapped at width, so that a host serving it without a charset still shows it right. */
function wrap(text: string, width = 100, indent = ''): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width - indent.length) {
      lines.push(indent + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(indent + line);
  return lines.join('\n');
}

/** The README next to the downloads: what they are, how current, the licence, where the facts come from. */
export function readmeText(data: AppData): string {
  const { asOf, reportingEnds } = data.timeline;
  const sites = data.presence.features.length;
  const rows = periodRows(data).length;
  const heading = (s: string) => `${s}\n${'-'.repeat(s.length)}`;
  const title = 'The coalition in Iraq and Syria, 2024-2026: the data behind the map';
  const columns = Object.entries(CSV_COLUMNS).map(([name, doc]) => `${name}\n${wrap(doc, 100, '    ')}`);
  const text = [
    `${title}\n${'='.repeat(title.length)}`,
    wrap(
      `Facts as of ${formatDate('en', asOf)} (${asOf}): the day they were last checked against the reporting. No dated report was found after ${formatDate('en', reportingEnds)} (${reportingEnds}): statuses after that are "unknown" unless a source says otherwise.`,
    ),
    heading('Files'),
    `${fileName(DOWNLOAD_FILES.csv)}\n${wrap(
      `One row per site and period: ${rows} rows for ${sites} sites, with the period's sources. RFC 4180 CSV (comma-separated, fields with commas, quotes or line breaks in double quotes, CRLF line ends), UTF-8 with a byte-order mark so that Excel reads the Arabic names and notes; in pandas use encoding="utf-8-sig". Columns below.`,
      100,
      '    ',
    )}`,
    `${fileName(DOWNLOAD_FILES.geojson)}\n${wrap(
      `One GeoJSON FeatureCollection (RFC 7946, WGS 84) with every feature of the map's fact files as published, in all four languages (en, de, fr, ar). The property "layer" names the file a feature comes from: "${LAYERS.presence}" (the sites, each with its periods; a site without a sourced position has "geometry": null), "${LAYERS.ain}" (the air base's symbolic footprint, not its perimeter, and its point) and "${LAYERS.zone}" (the area the 2024 statement names as the source of the IS threat, approximated from governorate boundaries, and al-Hol camp, with who held them when). Top-level members besides the features: "asOf", "reportingEnds", "licence", "timeline" (phases, dated events, troop figures, announced deadlines, the list of updates) and "sources" (every cited source with its outlet, date, link and grade).`,
      100,
      '    ',
    )}`,
    heading('Licence'),
    wrap(FACTS_LICENCE ?? NO_LICENCE),
    heading('Where the facts come from'),
    wrap(
      'Compiled by the newsroom graphics desk from public news reports and official statements. Every period cites its sources by id; each source has its outlet (always the original publisher; "via" names where it was read, "copy" marks a republished copy), date and link, and a reliability grade: A official statement or wire agency, B established outlet, C state-affiliated or partisan outlet, or a copy of low standing; grade D sources are never cited. What was only announced is kept apart from what was reported or confirmed; where sources contradict each other the status is "unknown" and the note names both sides. Coordinates of airfields are runway midpoints from OurAirports (public domain); other positions are from Wikipedia infoboxes and are marked approximate where only the nearby town is known. A site without a sourced position has no coordinates: none is ever guessed. The names and notes are the desk\'s own words; the linked articles belong to their publishers.',
    ),
    heading(`Columns of ${fileName(DOWNLOAD_FILES.csv)}`),
    columns.join('\n'),
  ].join('\n\n');
  return `${text}\n`;
}
