/**
 * The report's charts of the subgroup and MNAR analyses (forest plot,
 * tipping point), each present only when the result has that field.
 */
import type { AnalysisResult } from '../result';
import { moneyUnitLabel, type MoneyUnit } from './chart-style';
import { forestPlotSpec } from './forest-plot-spec';
import { prepForest, prepTippingPoint } from './prep-subgroups-mnar';
import type { ReportChart } from './report-charts';
import { tippingPointSpec } from './tipping-point-spec';

const ARM_WORDS = { ips: 'IPS', control: 'usual care' } as const;

/** The forest plot and the tipping-point chart the result has data for. */
export function subgroupMnarCharts(result: AnalysisResult, unit: MoneyUnit): ReportChart[] {
  const charts: ReportChart[] = [];
  const forest = prepForest(result.subgroups ?? []);
  if (forest.length > 0) {
    const wtp = result.subgroups![0].wtp;
    const title = 'Subgroups: net monetary benefit of IPS';
    const pooled = result.subgroups![0].method === 'rubin';
    charts.push({
      id: 'subgroups-forest',
      title,
      caption: `Incremental net monetary benefit of IPS per participant in each pre-specified subgroup (willingness to pay ${wtp.toLocaleString('en-GB')} per QALY × ΔQALY − Δcost, both adjusted for baseline utility, ${moneyUnitLabel(unit)}), with its 95 % ${pooled ? "interval by Rubin's rules over the imputations" : 'regression (t) interval'}. Right of the dashed line IPS is worth its cost in that subgroup. Differences between subgroups are judged by the interaction test in the table, not by whether intervals cross zero.`,
      spec: forestPlotSpec(forest, { ...unit, title, wtp }),
    });
  }
  const mnar = result.mnar;
  if (mnar) {
    const { shift, arm } = mnar.tippingPoint;
    const title = 'Missing not at random: tipping point';
    const what = shift === 'utility' ? `imputed utilities of ${ARM_WORDS[arm]} participants` : `imputed service-use costs per six-month period of ${ARM_WORDS[arm]} participants (${unit.currency})`;
    charts.push({
      id: 'mnar-tipping-point',
      title,
      caption: `Net monetary benefit of IPS at ${mnar.wtp.toLocaleString('en-GB')} per QALY (${moneyUnitLabel(unit)}) with its 95 % interval when the ${what} are shifted by the amount on the horizontal axis after imputation (0 = missing at random). Where the line crosses zero (dashed line) the conclusion turns.`,
      spec: tippingPointSpec(prepTippingPoint(mnar), {
        ...unit,
        title,
        shiftTitle: shift === 'utility' ? `Shift of imputed utilities, ${ARM_WORDS[arm]}` : `Shift of imputed period costs, ${ARM_WORDS[arm]} (${unit.currency})`,
        shiftFormat: shift === 'utility' ? '.2f' : MONEY,
        tippingShift: mnar.tippingPoint.tippingShift,
      }),
    });
  }
  return charts;
}

const MONEY = ',.0f';
