/** "Download the data": the CSV's quoting, one row per site period, the GeoJSON bundle and the README. */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import {
  CSV_COLUMNS,
  type CsvRow,
  FACTS_LICENCE,
  factsCsv,
  factsGeojson,
  LAYERS,
  periodRows,
  readmeText,
  sourceText,
  toCsv,
} from '../../scripts/data-downloads.ts';
import { DOWNLOAD_FILES } from '../../src/data/download-files.ts';
import { liveData } from '../support/live-data.ts';

const BOM = '\uFEFF';
const readCsv = (text: string): string[][] => parse(text, { bom: true, relax_column_count: false });
const readRows = (text: string): CsvRow[] => parse(text, { bom: true, columns: true });

describe('CSV quoting (RFC 4180)', () => {
  it('quotes a field with a comma, a quote or a line break, doubles its quotes, and leaves the rest bare', () => {
    const csv = toCsv(
      ['a', 'b', 'c', 'd', 'e', 'f', 'g'],
      [
        ['Erbil, Iraq', 'the "VBC" complex', 'line one\nline two', 'cr\ronly', 'crlf\r\nend', 'plain', ''],
        ['عين الأسد، الأنبار', 'قاعدة "التنف"', ' spaced ', 'semi;colon', "it's", 'tab\there', '2,000'],
      ],
    );
    expect(csv).toBe(
      `${BOM}a,b,c,d,e,f,g\r\n` +
        '"Erbil, Iraq","the ""VBC"" complex","line one\nline two","cr\ronly","crlf\r\nend",plain,\r\n' +
        'عين الأسد، الأنبار,"قاعدة ""التنف""", spaced ,semi;colon,it\'s,tab\there,"2,000"\r\n',
    );
  });

  it('reads back to exactly what was written (commas, quotes, newlines, Arabic, empty fields)', () => {
    const rows = [
      ['x, y', '"', '""', '\n', '\r\n', 'a\n"b",\nc'],
      ['قاعدة عين الأسد الجوية', 'Aïn al-Asad', '', ' ', 'مرحبا "عالم"، نعم', '=1+1'],
    ];
    expect(readCsv(toCsv(['1', '2', '3', '4', '5', '6'], rows))).toEqual([['1', '2', '3', '4', '5', '6'], ...rows]);
  });

  it('starts with a byte-order mark and ends every record with CRLF', () => {
    const csv = toCsv(['h'], [['v']]);
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv.slice(1)).toBe('h\r\nv\r\n');
  });
});

describe('the facts as CSV', () => {
  const data = liveData();
  const csv = factsCsv(data);
  const rows = readRows(csv);

  it('has the documented columns, in order', () => {
    expect(readCsv(csv)[0]).toEqual(Object.keys(CSV_COLUMNS));
  });

  it('has one row per site period, in the order of the file, and nothing else', () => {
    const expected = data.presence.features.flatMap((f) =>
      f.properties.periods.map((p) => [f.id, p.start, p.end ?? '', p.status, p.basis]),
    );
    expect(expected.length).toBeGreaterThan(40);
    expect(rows.map((r) => [r.site_id, r.period_start, r.period_end, r.status, r.basis])).toEqual(expected);
    expect(rows).toEqual(periodRows(data));
  });

  it('gives a position only where the site has a sourced one, and never invents one', () => {
    for (const f of data.presence.features) {
      for (const row of rows.filter((r) => r.site_id === f.id)) {
        expect(row.position_precision).toBe(f.properties.location.precision);
        if (f.geometry === null) {
          expect([row.longitude, row.latitude], f.id).toEqual(['', '']);
        } else {
          expect([Number(row.longitude), Number(row.latitude)], f.id).toEqual(f.geometry.coordinates);
        }
      }
    }
    // The facts have sites without a position (listed, not placed): the test would prove nothing otherwise.
    expect(rows.some((r) => r.longitude === '')).toBe(true);
  });

  it('writes dates, precisions and notes as the facts have them', () => {
    const periods = data.presence.features.flatMap((f) => f.properties.periods);
    periods.forEach((p, i) => {
      const row = rows[i]!;
      expect(row.start_precision).toBe(p.startPrecision ?? 'day');
      expect(row.end_precision).toBe(p.end ? (p.endPrecision ?? 'day') : '');
      expect([row.note_en, row.note_de, row.note_fr, row.note_ar]).toEqual(
        p.note ? [p.note.en, p.note.de, p.note.fr, p.note.ar] : ['', '', '', ''],
      );
      expect(row.facts_as_of).toBe(data.timeline.asOf);
    });
    expect(rows.some((r) => r.start_precision === 'month')).toBe(true);
    expect(rows.some((r) => r.period_end === '')).toBe(true);
  });

  it('names every source of a period, with its outlet, date and link', () => {
    const byId = new Map(data.sources.sources.map((s) => [s.id, s]));
    for (const row of rows) {
      const ids = row.source_ids.split('; ');
      expect(
        ids.every((id) => byId.has(id)),
        row.site_id,
      ).toBe(true);
      expect(row.sources.split(' | ')).toEqual(ids.map((id) => sourceText(byId.get(id)!)));
    }
    expect(
      sourceText({
        id: 'x',
        outlet: 'AP',
        via: 'The Independent',
        copy: true,
        title: 't',
        date: '2026-01-17',
        url: 'https://example.org/a',
        grade: 'A',
      }),
    ).toBe('AP via The Independent (copy), 2026-01-17, https://example.org/a');
    expect(sourceText({ id: 'y', outlet: 'Site', title: 't', date: null, accessed: '2026-03', grade: 'C' })).toBe(
      'Site, undated (read 2026-03)',
    );
  });

  it('survives names and notes full of commas, quotes, line breaks and Arabic', () => {
    const hostile = liveData();
    const site = hostile.presence.features[0]!;
    site.properties.name.en = 'Base "North", annex\nand, more';
    site.properties.name.ar = 'قاعدة "الشمال"، الملحق\r\nسطر';
    site.properties.periods[0]!.note = { en: '"', de: ',', fr: '\r', ar: '،"؛' };
    const back = readRows(factsCsv(hostile));
    expect(back).toEqual(periodRows(hostile));
    expect(back[0]!.name_en).toBe('Base "North", annex\nand, more');
    expect(back[0]!.note_ar).toBe('،"؛');
  });

  it('has no text field that a spreadsheet would run as a formula', () => {
    // The facts are the desk's own text, so they are checked rather than altered with a leading quote.
    const text: (keyof CsvRow)[] = [
      'name_en',
      'name_de',
      'name_fr',
      'name_ar',
      'note_en',
      'note_de',
      'note_fr',
      'note_ar',
      'sources',
    ];
    const risky = rows.flatMap((r) => text.filter((c) => /^[=+\-@\t\r]/.test(r[c])).map((c) => `${r.site_id}.${c}`));
    expect(risky).toEqual([]);
  });
});

describe('the GeoJSON bundle', () => {
  const data = liveData();
  const bundle = JSON.parse(JSON.stringify(factsGeojson(data))) as {
    type: string;
    asOf: string;
    features: { id: string; type: string; geometry: unknown; properties: { layer: string } }[];
    timeline: unknown;
    sources: unknown;
  };

  it('is one FeatureCollection with every feature of the three files, as published, tagged with its file', () => {
    expect(bundle.type).toBe('FeatureCollection');
    const published = [
      ...data.presence.features.map((f) => [LAYERS.presence, f] as const),
      ...data.ain.features.map((f) => [LAYERS.ain, f] as const),
      ...data.zone.features.map((f) => [LAYERS.zone, f] as const),
    ];
    expect(bundle.features).toHaveLength(published.length);
    bundle.features.forEach((feature, i) => {
      const [layer, original] = published[i]!;
      const { layer: tag, ...properties } = feature.properties;
      expect(tag).toBe(layer);
      expect({ ...feature, properties }).toEqual(JSON.parse(JSON.stringify(original)));
    });
    expect(new Set(bundle.features.map((f) => f.id)).size).toBe(bundle.features.length);
    expect(bundle.features.filter((f) => f.geometry === null).length).toBeGreaterThan(0);
  });

  it('carries the timeline, the sources and the as-of date', () => {
    expect(bundle.timeline).toEqual(JSON.parse(JSON.stringify(data.timeline)));
    expect(bundle.sources).toEqual(JSON.parse(JSON.stringify(data.sources.sources)));
    expect(bundle.asOf).toBe(data.timeline.asOf);
  });
});

describe('the README next to the downloads', () => {
  const data = liveData();
  const text = readmeText(data);

  it('gives the as-of date, the licence and every file and column', () => {
    expect(text).toContain(`(${data.timeline.asOf})`);
    expect(text).toContain(`(${data.timeline.reportingEnds})`);
    // The README wraps its lines: compare with the line breaks taken out.
    expect(text.replace(/\s+/g, ' ')).toContain(FACTS_LICENCE ?? 'No licence has been stated for these facts yet.');
    for (const file of [DOWNLOAD_FILES.csv, DOWNLOAD_FILES.geojson]) expect(text).toContain(file.replace('data/', ''));
    for (const column of Object.keys(CSV_COLUMNS)) expect(text).toMatch(new RegExp(`^${column}$`, 'm'));
  });

  it('is plain ASCII, so that a host that sends no charset cannot garble it', () => {
    expect(text.match(/[^\x20-\x7E\n]/g) ?? []).toEqual([]);
  });
});
