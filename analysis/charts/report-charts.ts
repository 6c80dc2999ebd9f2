/**
 * The charts of the ICER report, in order, each a Vega-Lite spec built from
 * result fields only (compute → prep → spec), with the caption that tells a
 * reader how to read it. Charts whose data the result does not carry are left
 * out and named in `missing`.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { AnalysisResult, EffectKind } from '../result';
import { cePlaneSpec } from './ce-plane-spec';
import { ceacSpec } from './ceac-spec';
import { ceafSpec } from './ceaf-spec';
import { type MoneyUnit, moneyUnitLabel } from './chart-style';
import { costBreakdownSpec } from './cost-breakdown-spec';
import { employmentSpec } from './employment-spec';
import { evpiSpec } from './evpi-spec';
import { kaplanMeierSpec } from './kaplan-meier-spec';
import { missingPatternSpec } from './missing-pattern-spec';
import { netBenefitSpec } from './net-benefit-spec';
import { prepCePlane } from './prep-ce-plane';
import { prepCeac, prepNetBenefit } from './prep-ceac';
import { prepCeaf } from './prep-ceaf';
import { prepCostBreakdown } from './prep-cost-breakdown';
import { prepMissingPattern } from './prep-missing-pattern';
import { prepEmployment, prepUtilities } from './prep-over-time';
import { prepEvpi } from './prep-evpi';
import { prepKaplanMeier } from './prep-kaplan-meier';
import { subgroupMnarCharts } from './subgroup-mnar-charts';
import { utilitiesSpec } from './utilities-spec';
import { localizeSpec } from './localize-spec';
import { REPORT_TEXTS, fill, type ReportLang, type ReportTexts } from '../report/report-texts';

export interface ReportChart {
  id: string;
  title: string;
  caption: string;
  spec: TopLevelSpec;
}

/** Willingness to pay used for the CE-plane line when settings give no list. */
export const FALLBACK_WTP: Readonly<Record<EffectKind, number>> = { qaly: 250000, employment: 1000 };

const EFFECTS = {
  qaly: { name: 'QALYs', unit: 'QALY', format: '.2f', wtpKey: 'qaly' },
  employment: { name: 'employment days', unit: 'employment day', format: ',.0f', wtpKey: 'employmentDay' },
} as const;

/** Currency and price year of the result's settings (contract defaults SEK, 2025). */
export function moneyUnitOf(result: AnalysisResult): MoneyUnit {
  const { currency, priceYear } = result.settings as { currency?: unknown; priceYear?: unknown };
  return {
    currency: typeof currency === 'string' && currency !== '' ? currency : 'SEK',
    priceYear: typeof priceYear === 'number' ? priceYear : 2025,
  };
}

/**
 * The λ drawn on the CE plane: the middle of the positive willingness-to-pay
 * values in the settings (lower middle for an even count), else FALLBACK_WTP.
 */
export function planeWtp(result: AnalysisResult, effect: EffectKind): number {
  const wtp = (result.settings as { wtp?: Record<string, unknown> }).wtp?.[EFFECTS[effect].wtpKey];
  const positive = Array.isArray(wtp) ? wtp.filter((v): v is number => typeof v === 'number' && v > 0).sort((a, b) => a - b) : [];
  return positive.length > 0 ? positive[Math.floor((positive.length - 1) / 2)] : FALLBACK_WTP[effect];
}

/** settings.evpi.population of the result (0 when absent). */
function populationOf(result: AnalysisResult): number {
  const population = (result.settings as { evpi?: { population?: unknown } }).evpi?.population;
  return typeof population === 'number' ? population : 0;
}

const money = (value: number, unit: MoneyUnit): string => `${Math.round(value).toLocaleString('en-GB')} ${unit.currency} (${unit.priceYear} prices)`;

function effectCharts(result: AnalysisResult, effect: EffectKind, unit: MoneyUnit): ReportChart[] {
  const analysis = result[effect];
  const e = EFFECTS[effect];
  const wtp = planeWtp(result, effect);
  const options = { ...unit, effectUnit: e.unit };
  const charts: ReportChart[] = [];
  if (analysis.plane && analysis.plane.length > 0) {
    const title = `Cost-effectiveness plane: cost per ${e.unit}`;
    charts.push({
      id: `ce-plane-${effect}`,
      title,
      caption: `Each faint dot is one bootstrap replicate of the difference IPS − usual care in mean cost and mean ${e.name}; the black diamond is the point estimate. The dashed line is a willingness to pay of ${money(wtp, unit)} per ${e.unit}: replicates below and to the right of it favour IPS at that price.`,
      spec: cePlaneSpec(prepCePlane(analysis, wtp), { ...unit, effectName: e.name, effectFormat: e.format, title }),
    });
  }
  const ceacTitle = `Acceptability curve: cost per ${e.unit}`;
  const acceptability = prepCeaf(analysis);
  charts.push(acceptability
    ? {
      id: `ceac-${effect}`,
      title: ceacTitle,
      caption: `Probability that IPS (blue) or usual care (orange) is cost-effective — net monetary benefit above that of the other arm across the bootstrap replicates — for each willingness to pay per ${e.unit} (${moneyUnitLabel(unit)}). The wide grey band is the acceptability frontier: it follows the arm with the higher expected net benefit, the one to choose at that price, and its height is the probability that this choice is right. Dots mark the willingness-to-pay values of the settings.`,
      spec: ceafSpec(acceptability, { ...options, title: ceacTitle }),
    }
    : {
      id: `ceac-${effect}`,
      title: ceacTitle,
      caption: `Share of bootstrap replicates in which IPS is cost-effective (net monetary benefit above zero) for each willingness to pay per ${e.unit} (${moneyUnitLabel(unit)}).`,
      spec: ceacSpec(prepCeac(analysis), { ...options, title: ceacTitle }),
    });
  const netBenefit = prepNetBenefit(analysis);
  if (netBenefit.length > 0) {
    const title = `Net monetary benefit: ${e.name}`;
    charts.push({
      id: `inmb-${effect}`,
      title,
      caption: `Incremental net monetary benefit of IPS per participant (willingness to pay × Δ${e.name} − Δcost, ${moneyUnitLabel(unit)}) with its 95 % bootstrap interval. Above zero, IPS is worth its extra cost at that willingness to pay.`,
      spec: netBenefitSpec(netBenefit, { ...options, title }),
    });
  }
  const evpi = prepEvpi(analysis);
  if (evpi) {
    const title = `Expected value of perfect information: cost per ${e.unit}`;
    const scope = evpi.scope === 'population'
      ? `for the population the decision concerns (${populationOf(result).toLocaleString('en-GB')} people, settings evpi.population)`
      : 'per participant (set evpi.population in the settings for the population figure)';
    charts.push({
      id: `evpi-${effect}`,
      title,
      caption: `What it would be worth to remove all uncertainty about whether IPS is cost-effective, ${scope}, by willingness to pay per ${e.unit} (${moneyUnitLabel(unit)}): the mean over the bootstrap replicates of the net benefit lost by choosing on the current evidence. It peaks where the decision is closest; where it exceeds the cost of a further study, more research may be worth it.`,
      spec: evpiSpec(evpi, { ...options, title }),
    });
  }
  return charts;
}

/** Every chart of the report that the result has data for, and the names of those it has not. */
export function reportCharts(result: AnalysisResult, lang: ReportLang = 'en'): { charts: ReportChart[]; missing: string[] } {
  const english = englishReportCharts(result);
  if (lang === 'en') return english;
  const t = REPORT_TEXTS[lang];
  return {
    ...english,
    charts: english.charts.map((chart) => {
      const title = chartTitle(chart.id, t) ?? chart.title;
      const spec = localizeSpec(chart.spec, lang);
      return { ...chart, title, spec: ('title' in spec ? { ...spec, title } : spec) as TopLevelSpec };
    }),
  };
}

/** The heading of a chart in the report's language, by chart id (undefined for an id it does not know). */
function chartTitle(id: string, t: ReportTexts): string | undefined {
  const effect = /-(qaly|employment)$/.exec(id)?.[1] as EffectKind | undefined;
  const unit = effect === 'qaly' ? t.qalySingular : t.employmentSingular;
  const name = effect === 'qaly' ? t.qalyPlural : t.employmentPlural;
  const byId: Record<string, string> = {
    'ce-plane': fill(t.chartPlane, { unit }),
    ceac: fill(t.chartCeac, { unit }),
    inmb: fill(t.chartNetBenefit, { name }),
    evpi: fill(t.chartEvpi, { unit }),
    utilities: t.chartUtilities,
    'employment-over-time': t.chartEmployment,
    'time-to-first-job': t.chartKaplanMeier,
    'cost-breakdown': t.chartCostBreakdown,
    'missing-pattern': t.chartMissingPattern,
    'subgroups-forest': t.chartSubgroups,
    'mnar-tipping-point': t.chartTippingPoint,
  };
  return byId[effect ? id.slice(0, -(effect.length + 1)) : id];
}

function englishReportCharts(result: AnalysisResult): { charts: ReportChart[]; missing: string[] } {
  const unit = moneyUnitOf(result);
  const charts = [...effectCharts(result, 'qaly', unit), ...effectCharts(result, 'employment', unit)];
  const missing: string[] = [];
  if (!result.qaly.plane?.length) missing.push('cost-effectiveness plane (QALY)');
  if (!result.employment.plane?.length) missing.push('cost-effectiveness plane (employment days)');
  const utilities = prepUtilities(result.utilitiesOverTime ?? []);
  if (utilities.length > 0) {
    const title = 'Mean utility over time by arm';
    charts.push({ id: 'utilities', title, caption: 'Mean EQ-5D utility of the participants with a value at each timepoint, with 95 % intervals. These are observed values, before any imputation.', spec: utilitiesSpec(utilities, title) });
  } else missing.push('utility over time');
  const employment = prepEmployment(result.employmentOverTime ?? []);
  if (employment.length > 0) {
    const title = 'Ever in competitive employment';
    charts.push({ id: 'employment-over-time', title, caption: 'Cumulative proportion of randomized participants who have started a competitive (regular, open-market) job, by day since randomization.', spec: employmentSpec(employment, title) });
  } else missing.push('employment over time');
  const survival = result.timeToFirstJob ? prepKaplanMeier(result.timeToFirstJob) : null;
  if (survival && survival.curves.length > 0) {
    const title = 'Time to first competitive job (Kaplan–Meier)';
    const left = result.timeToFirstJob as NonNullable<AnalysisResult['timeToFirstJob']>;
    const excluded = left.arms.ips.employedAtRandomization + left.arms.control.employedAtRandomization;
    charts.push({
      id: 'time-to-first-job',
      title,
      caption: `Share of each arm still without a competitive (regular, open-market) job by day since randomization, with 95 % pointwise intervals (shaded). Participants who withdrew are counted until their withdrawal day (ticks mark censorings; those still without a job on day 729 are censored there).${excluded > 0 ? ` ${excluded} participant${excluded === 1 ? '' : 's'} already in a competitive job at randomization ${excluded === 1 ? 'is' : 'are'} not included.` : ''}`,
      spec: kaplanMeierSpec(survival, title),
    });
  } else missing.push('time to first competitive job');
  const costs = prepCostBreakdown(result.costBreakdown ?? []);
  if (costs.length > 0) {
    const title = 'Cost breakdown by category and arm';
    charts.push({ id: 'cost-breakdown', title, caption: `Mean cost per analysed participant over 24 months (year 2 discounted), by category (${moneyUnitLabel(unit)}).`, spec: costBreakdownSpec(costs, { ...unit, title }) });
  } else missing.push('cost breakdown');
  const pattern = prepMissingPattern(result.missingPattern ?? []);
  if (pattern.length > 0) {
    const title = 'Missing-data pattern';
    charts.push({ id: 'missing-pattern', title, caption: 'Share of randomized participants with a utility value and with a complete service-use form at each timepoint, by arm. Darker is more complete.', spec: missingPatternSpec(pattern, title) });
  } else missing.push('missing-data pattern');
  charts.push(...subgroupMnarCharts(result, unit));
  return { charts, missing };
}
