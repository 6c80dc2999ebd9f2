/**
 * The ICER report in Swedish and Danish: every text of the catalogue is
 * written in the language (none left as its English text unless it is a name
 * the languages share), with the same slots; the sample result rendered in
 * sv and da keeps no English heading, table header or caption; numbers follow
 * the language; the chart specs carry translated axis and legend titles;
 * English stays exactly the report it was.
 */
import { describe, expect, it } from 'vitest';
import { renderReportHtml } from '../../../analysis/report';
import { reportCharts } from '../../../analysis/charts';
import { localizeTitle } from '../../../analysis/charts/localize-spec';
import { REPORT_TEXTS, SAME_AS_ENGLISH, SAME_IN_EVERY_LANGUAGE, type ReportTextKey } from '../../../analysis/report/report-texts';
import { sampleResult } from './sample-result';

const LANGS = ['sv', 'da'] as const;
const keys = Object.keys(REPORT_TEXTS.en).filter((k) => k !== 'lang') as ReportTextKey[];
const slots = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/** Text of headings, column headers and captions: what a reader scans. */
function headings(html: string): string[] {
  const found = [...html.matchAll(/<(h[1-3]|caption|th scope="col"[^>]*|th scope="colgroup"[^>]*|strong|title)>([\s\S]*?)<\/(?:h[1-3]|caption|th|strong|title)>/g)];
  return found.map((m) => m[2].replace(/<[^>]+>/g, '').trim()).filter((text) => text !== '');
}

/** Titles anywhere in a Vega-Lite spec (chart, axis, legend). */
function titles(value: unknown, key: string | null = null): string[] {
  if (typeof value === 'string') return key === 'title' ? [value] : [];
  if (Array.isArray(value)) return value.flatMap((v) => titles(v));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => titles(v, k));
  return [];
}

describe('analysis/report in Swedish and Danish', () => {
  const result = sampleResult();
  const english = renderReportHtml(result, {});

  it.each(LANGS)('%s: every catalogue text differs from English unless explicitly shared, with the same slots', (lang) => {
    const same = keys.filter((k) => REPORT_TEXTS[lang][k] === REPORT_TEXTS.en[k]);
    expect(same.sort()).toEqual([...SAME_IN_EVERY_LANGUAGE, ...SAME_AS_ENGLISH[lang]].sort());
    for (const k of keys) expect(slots(REPORT_TEXTS[lang][k]), `${lang}.${k}`).toEqual(slots(REPORT_TEXTS.en[k]));
  });

  it('uses the plain health-economics terms', () => {
    expect(REPORT_TEXTS.sv.headlineQaly).toBe('Kostnad per vunnen QALY');
    expect(REPORT_TEXTS.sv.icerLabel).toContain('inkrementell kostnadseffektivitetskvot (ICER)'.replace(/^i/, 'I'));
    expect(REPORT_TEXTS.sv.colWtp).toBe('Betalningsvilja');
    expect(REPORT_TEXTS.da.headlineQaly).toBe('Omkostning pr. vundet QALY');
    expect(REPORT_TEXTS.da.colWtp).toBe('Betalingsvillighed');
  });

  it.each(LANGS)('%s: the rendered sample keeps no English heading, column header or caption', (lang) => {
    const html = renderReportHtml(result, {}, lang);
    expect(html.startsWith(`<!DOCTYPE html>\n<html lang="${lang}">`)).toBe(true);
    const englishHeadings = new Set(headings(english));
    const shared = new Set(['IPS', 'ICER', 'Bootstrap', 'ICER:']);
    const left = headings(html).filter((text) => englishHeadings.has(text) && !shared.has(text));
    expect(left).toEqual([]);
    expect(headings(html).length).toBeGreaterThan(40);
    // every section is still there, in the same order
    const ids = (doc: string) => [...doc.matchAll(/<section id="([\w-]+)"/g)].map((m) => m[1]);
    expect(ids(html)).toEqual(ids(english));
  });

  it('writes the summary, the ICER and the numbers as a Swedish and a Danish reader expects', () => {
    const sv = renderReportHtml(result, {}, 'sv');
    const da = renderReportHtml(result, {}, 'da');
    const qaly = result.qaly;
    const expected = (locale: string, value: number, decimals: number) =>
      new Intl.NumberFormat(locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(value).replace('-', '\u2212');
    expect(sv).toContain('<h2 id="headline-qaly-title">Kostnad per vunnen QALY</h2>');
    expect(da).toContain('<h2 id="headline-qaly-title">Omkostning pr. vundet QALY</h2>');
    expect(sv).toContain(`IPS kostar ${expected('sv-SE', Math.abs(qaly.icer as number), 0)} SEK (2025 års priser) mer per vunnen QALY`);
    expect(da).toContain(`IPS koster ${expected('da-DK', Math.abs(qaly.icer as number), 0)} SEK (2025-priser) mere pr. vundet QALY`);
    expect(sv).toContain(`<td>${expected('sv-SE', qaly.mean.ips.effect, 3)}</td>`);
    expect(da).toContain(`<td>${expected('da-DK', qaly.mean.ips.effect, 3)}</td>`);
    expect(expected('da-DK', 1234.5, 1)).toBe('1.234,5');
    expect(sv).toContain(`${result.n.ips + result.n.control} deltagare randomiserades`);
  });

  it.each(LANGS)('%s: chart headings, axis and legend titles are translated; the arm is renamed in the data', (lang) => {
    const en = reportCharts(result).charts;
    const local = reportCharts(result, lang).charts;
    expect(local.map((c) => c.id)).toEqual(en.map((c) => c.id));
    local.forEach((chart, i) => {
      expect(chart.title, chart.id).not.toBe(en[i].title);
      const translated = titles(chart.spec).filter((t) => t !== 'Arm');
      const original = new Set(titles(en[i].spec));
      expect(translated.filter((t) => original.has(t)), chart.id).toEqual([]);
      expect(JSON.stringify(chart.spec)).not.toContain('Usual care');
    });
    expect(localizeTitle('Willingness to pay per QALY (SEK, 2025 prices)', lang)).toBe(
      lang === 'sv' ? 'Betalningsvilja per QALY (SEK, 2025 års priser)' : 'Betalingsvillighed pr. QALY (SEK, 2025-priser)',
    );
  });

  it('leaves the English report exactly as it was without a language', () => {
    expect(renderReportHtml(result, {}, 'en')).toBe(english);
    expect(reportCharts(result, 'en')).toEqual(reportCharts(result));
  });
});
