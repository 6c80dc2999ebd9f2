/**
 * The municipality lists (data-dictionary/municipalities/): the Swedish
 * kommuner (SCB kommunkoder) and the Danish kommuner (Danmarks Statistik /
 * DAGI kommunekoder) are complete and well-formed, well-known pairs are
 * right, and the baseline field `municipality` takes exactly these codes —
 * the dictionary's validation accepts a code and refuses free text.
 */
import { describe, expect, it } from 'vitest';
import { getField } from '../../../data-dictionary/index';
import {
  DANISH_MUNICIPALITIES, DANISH_REGIONS, MUNICIPALITY_SOURCES, SWEDISH_COUNTIES, SWEDISH_MUNICIPALITIES, findMunicipality, municipalityCode,
} from '../../../data-dictionary/municipalities';
import { validateForm } from '../../../data-dictionary/validate';

const nameOf = (list: readonly { code: string; name: string }[], code: string) => list.find((m) => m.code === code)?.name;

describe('data-dictionary/municipalities', () => {
  it('lists the 290 Swedish kommuner with unique 4-digit codes whose first two digits are their län', () => {
    expect(SWEDISH_MUNICIPALITIES).toHaveLength(290);
    expect(new Set(SWEDISH_MUNICIPALITIES.map((m) => m.code)).size).toBe(290);
    expect(new Set(SWEDISH_MUNICIPALITIES.map((m) => m.name)).size).toBe(290);
    const counties = new Set(SWEDISH_COUNTIES.map((c) => c.code));
    expect(counties.size).toBe(21);
    for (const m of SWEDISH_MUNICIPALITIES) {
      expect(m.code, m.name).toMatch(/^\d{4}$/);
      expect(m.code.slice(0, 2), m.name).toBe(m.county);
      expect(counties.has(m.county), m.name).toBe(true);
    }
    // every län has at least one kommun
    expect(new Set(SWEDISH_MUNICIPALITIES.map((m) => m.county))).toEqual(counties);
  });

  it('lists the 98 Danish kommuner with unique 3-digit codes from 101 to 860, each in one of the 5 regions', () => {
    expect(DANISH_MUNICIPALITIES).toHaveLength(98);
    expect(new Set(DANISH_MUNICIPALITIES.map((m) => m.code)).size).toBe(98);
    expect(new Set(DANISH_MUNICIPALITIES.map((m) => m.name)).size).toBe(98);
    const regions = new Set(DANISH_REGIONS.map((r) => r.code));
    expect(regions.size).toBe(5);
    for (const m of DANISH_MUNICIPALITIES) {
      expect(m.code, m.name).toMatch(/^\d{3}$/);
      expect(Number(m.code)).toBeGreaterThanOrEqual(101);
      expect(Number(m.code)).toBeLessThanOrEqual(860);
      expect(regions.has(m.county), m.name).toBe(true);
    }
    const perRegion = Object.fromEntries(DANISH_REGIONS.map((r) => [r.name, DANISH_MUNICIPALITIES.filter((m) => m.county === r.code).length]));
    expect(perRegion).toEqual({ 'Region Nordjylland': 11, 'Region Midtjylland': 19, 'Region Syddanmark': 22, 'Region Hovedstaden': 29, 'Region Sjælland': 17 });
  });

  it('has the well-known pairs right', () => {
    expect(Object.fromEntries(['0180', '1480', '1280', '0380', '0381'].map((c) => [c, nameOf(SWEDISH_MUNICIPALITIES, c)])))
      .toEqual({ '0180': 'Stockholm', '1480': 'Göteborg', '1280': 'Malmö', '0380': 'Uppsala', '0381': 'Enköping' });
    expect(Object.fromEntries(['101', '751', '461', '851'].map((c) => [c, nameOf(DANISH_MUNICIPALITIES, c)])))
      .toEqual({ '101': 'København', '751': 'Aarhus', '461': 'Odense', '851': 'Aalborg' });
  });

  it('names its official sources and the date of each classification', () => {
    expect(MUNICIPALITY_SOURCES.map((s) => s.publisher)).toEqual([expect.stringContaining('SCB'), expect.stringContaining('Danmarks Statistik')]);
    for (const s of MUNICIPALITY_SOURCES) {
      expect(s.source).toMatch(/^https:\/\/www\.(scb|dst)\.dk|^https:\/\/www\.scb\.se/);
      expect(s.validFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('gives the baseline field municipality exactly these codes, with the name as label', () => {
    const field = getField('baseline', 'municipality')!;
    expect(field.type).toBe('choice');
    const codes = field.choices!.map((c) => c.code);
    expect(codes).toHaveLength(290 + 98);
    expect(new Set(codes).size).toBe(388);
    expect(codes).toEqual([...SWEDISH_MUNICIPALITIES, ...DANISH_MUNICIPALITIES].map(municipalityCode));
    expect(field.choices!.find((c) => c.code === 'se_1880')!.labels).toEqual({ sv: 'Örebro', da: 'Örebro (Sverige)', en: 'Örebro (Sweden)' });
    expect(field.choices!.find((c) => c.code === 'dk_101')!.labels).toEqual({ sv: 'København (Danmark)', da: 'København', en: 'København (Denmark)' });
    expect(findMunicipality('se_0180')?.name).toBe('Stockholm');
    expect(findMunicipality('Stockholm')).toBeUndefined();
  });

  it('validates a baseline municipality by its code and refuses free text, naming the field', () => {
    expect(validateForm('baseline', { municipality: 'dk_751' }, { partial: true }).ok).toBe(true);
    const result = validateForm('baseline', { municipality: 'Örebro' }, { partial: true });
    if (result.ok) throw new Error('free text was accepted');
    const free = result.errors;
    expect(free).toHaveLength(1);
    expect(free[0].field).toBe('municipality');
    expect(free[0].message).toContain('the 388 codes');
    expect(free[0].message.length).toBeLessThan(200);
  });
});
