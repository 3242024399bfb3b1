/** The scene's alt text (the written twin of the map), on the real data: who was present, drawing down, gone, at a date. */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadStaticInputs } from '../../scripts/static-images.ts';
import { type Lang, STATUSES, type Status } from '../../src/data/schema.ts';
import { formatDate, t } from '../../src/i18n/index.ts';
import { sceneAt } from '../../src/scene/scene.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const inputs = loadStaticInputs(root);
const { data } = inputs;
const altText = (o: { date: string; lang: Lang }) => sceneAt(inputs, o.date, o.lang, 'light').alt;
const KEY = {
  present: 'alt.present',
  drawdown: 'alt.drawdown',
  withdrawn: 'alt.withdrawn',
  unknown: 'alt.unknown',
} as const;

/** The sentence of one status group: from its lead-in (taken from the string table) to the next one. */
function section(text: string, lang: Lang, status: Status): string {
  const lead = (s: Status) => t(lang, KEY[s], { sites: '\u0000' }).split('\u0000')[0]!;
  const start = text.indexOf(lead(status));
  if (start < 0) return '';
  const ends = STATUSES.filter((s) => s !== status)
    .map((s) => text.indexOf(lead(s), start + 1))
    .filter((i) => i > start);
  const zone = data.zone.features.find((f) => f.properties.role === 'zone');
  if (zone) {
    const z = text.indexOf(zone.properties.name[lang], start + 1);
    if (z > start) ends.push(z);
  }
  return text.slice(start, Math.min(text.length, ...ends));
}

const ain = data.presence.features.find((f) => /Ain al-Asad/i.test(f.properties.name.en));

describe('altText', () => {
  it('finds Ain al-Asad in the data', () => {
    expect(ain).toBeDefined();
  });

  for (const lang of ['en', 'de'] as const) {
    it(`[${lang}] names Ain al-Asad as present on 2025-01-15`, () => {
      const text = altText({ date: '2025-01-15', lang });
      expect(section(text, lang, 'present')).toContain(ain!.properties.name[lang]);
      expect(section(text, lang, 'withdrawn')).not.toContain(ain!.properties.name[lang]);
    });

    it(`[${lang}] names Ain al-Asad as left, with the date, on 2026-02-01`, () => {
      const text = altText({ date: '2026-02-01', lang });
      const left = section(text, lang, 'withdrawn');
      expect(left).toContain(ain!.properties.name[lang]);
      expect(left).toMatch(/2026/);
      expect(section(text, lang, 'present')).not.toContain(ain!.properties.name[lang]);
    });
  }

  it('starts with the date and names the phase and the zone control', () => {
    const date = '2026-03-01';
    const text = altText({ date, lang: 'en' });
    expect(text.startsWith(t('en', 'map.label', { date: formatDate('en', date) }))).toBe(true);
    const phase = data.timeline.phases.filter((p) => p.start <= date).at(-1);
    expect(text).toContain(phase!.label.en);
    expect(text).toMatch(/Held by the SDF|Contested|Under Syrian government control|Control unknown/);
  });

  it('is written in Arabic for lang=ar', () => {
    const text = altText({ date: '2025-12-01', lang: 'ar' });
    expect(text.length).toBeGreaterThan(80);
    expect(text).toMatch(/[\u0600-\u06ff]/);
  });
});
