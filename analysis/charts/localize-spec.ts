/**
 * A chart spec of the ICER report in Swedish or Danish: every axis, legend
 * and chart title is rewritten from its English form, the arm "Usual care"
 * is renamed wherever it appears (data, scale domains, sort orders) and the
 * number format of the axes follows the language. Pure: returns a new spec;
 * English returns the spec unchanged.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { ReportLang } from '../report/report-texts';

type Rule = readonly [RegExp, string];
type Lang = Exclude<ReportLang, 'en'>;

/** Words inside the titles: effect names, units and "prices". */
const WORDS: Readonly<Record<Lang, readonly Rule[]>> = {
  sv: [[/\bemployment days\b/g, 'arbetsdagar'], [/\bemployment day\b/g, 'arbetsdag'], [/\bQALYs\b/g, 'QALY'], [/, (\d{4}) prices\b/g, ', $1 års priser']],
  da: [[/\bemployment days\b/g, 'arbejdsdage'], [/\bemployment day\b/g, 'arbejdsdag'], [/\bQALYs\b/g, 'QALY'], [/, (\d{4}) prices\b/g, ', $1-priser']],
};

/** Whole titles, tried in order; $1 is the translated inner part. */
const TITLES: Readonly<Record<Lang, readonly Rule[]>> = {
  sv: [
    [/^Incremental (.+) \(IPS − usual care\)$/, 'Skillnad i $1 (IPS − sedvanligt stöd)'],
    [/^Incremental cost \((.+)\)$/, 'Skillnad i kostnad ($1)'],
    [/^Willingness to pay per (.+)$/, 'Betalningsvilja per $1'],
    [/^Mean cost per participant \((.+)\)$/, 'Genomsnittlig kostnad per deltagare ($1)'],
    [/^EVPI for the population \((.+)\)$/, 'EVPI för populationen ($1)'],
    [/^EVPI per participant \((.+)\)$/, 'EVPI per deltagare ($1)'],
    [/^Net monetary benefit of IPS at (.+) per QALY \((.+)\)$/, 'Monetär nettonytta av IPS vid $1 per QALY ($2)'],
    [/^Net monetary benefit of IPS \((.+)\)$/, 'Monetär nettonytta av IPS ($1)'],
    [/^Net monetary benefit \((.+)\)$/, 'Monetär nettonytta ($1)'],
    [/^Probability IPS is cost-effective$/, 'Sannolikhet att IPS är kostnadseffektivt'],
    [/^Probability of being cost-effective$/, 'Sannolikhet att vara kostnadseffektiv'],
    [/^Days since randomization$/, 'Dagar sedan randomisering'],
    [/^Months since randomization$/, 'Månader sedan randomisering'],
    [/^Ever in competitive employment$/, 'Någon gång i reguljärt arbete'],
    [/^Still without a competitive job$/, 'Ännu utan reguljärt arbete'],
    [/^Mean utility \(EQ-5D index\)$/, 'Genomsnittlig nyttovikt (EQ-5D-index)'],
    [/^Share with data$/, 'Andel med data'],
    [/^Timepoint$/, 'Mättillfälle'],
    [/^Category$/, 'Kategori'],
    [/^Subgroup$/, 'Undergrupp'],
    [/^Arm$/, 'Arm'],
  ],
  da: [
    [/^Incremental (.+) \(IPS − usual care\)$/, 'Forskel i $1 (IPS − sædvanlig indsats)'],
    [/^Incremental cost \((.+)\)$/, 'Forskel i omkostning ($1)'],
    [/^Willingness to pay per (.+)$/, 'Betalingsvillighed pr. $1'],
    [/^Mean cost per participant \((.+)\)$/, 'Gennemsnitlig omkostning pr. deltager ($1)'],
    [/^EVPI for the population \((.+)\)$/, 'EVPI for populationen ($1)'],
    [/^EVPI per participant \((.+)\)$/, 'EVPI pr. deltager ($1)'],
    [/^Net monetary benefit of IPS at (.+) per QALY \((.+)\)$/, 'Monetær nettogevinst af IPS ved $1 pr. QALY ($2)'],
    [/^Net monetary benefit of IPS \((.+)\)$/, 'Monetær nettogevinst af IPS ($1)'],
    [/^Net monetary benefit \((.+)\)$/, 'Monetær nettogevinst ($1)'],
    [/^Probability IPS is cost-effective$/, 'Sandsynlighed for at IPS er omkostningseffektiv'],
    [/^Probability of being cost-effective$/, 'Sandsynlighed for at være omkostningseffektiv'],
    [/^Days since randomization$/, 'Dage siden randomisering'],
    [/^Months since randomization$/, 'Måneder siden randomisering'],
    [/^Ever in competitive employment$/, 'Nogensinde i ordinær beskæftigelse'],
    [/^Still without a competitive job$/, 'Stadig uden ordinært job'],
    [/^Mean utility \(EQ-5D index\)$/, 'Gennemsnitlig nytteværdi (EQ-5D-indeks)'],
    [/^Share with data$/, 'Andel med data'],
    [/^Timepoint$/, 'Måletidspunkt'],
    [/^Category$/, 'Kategori'],
    [/^Subgroup$/, 'Undergruppe'],
    [/^Arm$/, 'Arm'],
  ],
};

const ARM: Readonly<Record<Lang, string>> = { sv: 'Sedvanligt stöd', da: 'Sædvanlig indsats' };

/** Labels in the data (and the sort orders and domains naming them), matched whole. */
const VALUES: Readonly<Record<Lang, readonly Rule[]>> = {
  sv: [[/^(\d+) months$/, '$1 månader'], [/^(IPS|Usual care) · utility$/, '$1 · nyttovikt'], [/^(IPS|Usual care) · service use$/, '$1 · resursanvändning'], [/^utility$/, 'nyttovikt'], [/^service use$/, 'resursanvändning']],
  da: [[/^(\d+) months$/, '$1 måneder'], [/^(IPS|Usual care) · utility$/, '$1 · nytteværdi'], [/^(IPS|Usual care) · service use$/, '$1 · ressourceforbrug'], [/^utility$/, 'nytteværdi'], [/^service use$/, 'ressourceforbrug']],
};

function localizeValue(value: string, lang: Lang): string {
  const rule = VALUES[lang].find(([pattern]) => pattern.test(value));
  const text = rule ? value.replace(rule[0], rule[1]) : value;
  return text.replace(/^Usual care\b/, ARM[lang]);
}

/** d3 number locale of each language (axis labels: "1 234,5" / "1.234,5"). */
const NUMBER_LOCALES: Readonly<Record<Lang, object>> = {
  sv: { decimal: ',', thousands: '\u00a0', grouping: [3], currency: ['', ' kr'], minus: '\u2212' },
  da: { decimal: ',', thousands: '.', grouping: [3], currency: ['', ' kr.'], minus: '\u2212' },
};

/** An English axis, legend or chart title in the language (unknown titles stay as they are). */
export function localizeTitle(title: string, lang: ReportLang): string {
  if (lang === 'en') return title;
  const words = (text: string) => WORDS[lang].reduce((s, [pattern, to]) => s.replace(pattern, to), text);
  for (const [pattern, to] of TITLES[lang]) {
    if (pattern.test(title)) return title.replace(pattern, (...groups: string[]) => to.replace(/\$(\d)/g, (_, i: string) => words(groups[Number(i)])));
  }
  return words(title);
}

function walk(value: unknown, lang: Lang, key: string | null): unknown {
  if (typeof value === 'string') {
    if (key === 'title') return localizeTitle(value, lang);
    return key === 'field' || key === 'type' || key === '$schema' ? value : localizeValue(value, lang);
  }
  if (Array.isArray(value)) return value.map((item) => walk(item, lang, null));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, lang, k)]));
  }
  return value;
}

/** The spec in the language (a new object; `en` gives the spec itself). */
export function localizeSpec(spec: TopLevelSpec, lang: ReportLang): TopLevelSpec {
  if (lang === 'en') return spec;
  const localized = walk(spec, lang, null) as TopLevelSpec & { config?: Record<string, unknown> };
  return { ...localized, config: { ...(localized.config ?? {}), locale: { number: NUMBER_LOCALES[lang] } } } as TopLevelSpec;
}
