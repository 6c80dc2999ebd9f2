/**
 * Every warning the analysis can return, as functions (vega-lite's message
 * catalogue). Warnings report data conditions; programmer errors throw.
 */
export const ANALYSIS_NAMES = { qaly: 'cost per QALY', employment: 'cost per employment day' } as const;
type AnalysisKind = keyof typeof ANALYSIS_NAMES;

export const messages = {
  dominant: (kind: AnalysisKind) => `${ANALYSIS_NAMES[kind]}: IPS dominates (more effect at no more cost); the ICER is not reported as a ratio to act on`,
  dominated: (kind: AnalysisKind) => `${ANALYSIS_NAMES[kind]}: IPS is dominated (less effect at more cost)`,
  southWest: (kind: AnalysisKind) => `${ANALYSIS_NAMES[kind]}: IPS costs less and gives less effect (SW quadrant); the ICER is the saving per unit of effect lost`,
  zeroEffect: (kind: AnalysisKind) => `${ANALYSIS_NAMES[kind]}: the incremental effect is exactly 0, so there is no ICER and no quadrant`,
  smallArm: (kind: AnalysisKind, arm: string, n: number) =>
    `${ANALYSIS_NAMES[kind]}: only ${n} participant${n === 1 ? '' : 's'} analysed in the ${arm} arm; intervals and the CEAC are unreliable`,
  noSpread: (kind: AnalysisKind) => `${ANALYSIS_NAMES[kind]}: the bootstrap replicates do not vary (all values equal); intervals are degenerate`,
  bcaUnavailable: (kind: AnalysisKind, what: string) =>
    `${ANALYSIS_NAMES[kind]}: the BCa interval of ${what} is undefined (all replicates on one side of the estimate or no spread); the percentile interval is reported`,
  fiellerUnavailable: (kind: AnalysisKind) =>
    `${ANALYSIS_NAMES[kind]}: no Fieller interval of the ICER (an arm has fewer than two analysed participants, so its variance is undefined)`,
  predictorsLeftOut: (variable: string, predictors: readonly { name: string; count: number }[], steps: number) =>
    `multiple imputation: the equation of ${variable} left out ${predictors.map((p) => `${p.name} (${p.count} of ${steps} steps)`).join(', ')}, constant or collinear among the participants with ${variable} observed (as mice does; see imputation.loggedEvents)`,
  logRankUnavailable: () =>
    'time to first competitive job: no log-rank test (no participant started a job, or the arms were never both at risk when one did)',
  hazardRatioUnavailable: (ipsEvents: number, controlEvents: number) =>
    `time to first competitive job: no Cox hazard ratio, the partial likelihood has no finite maximum (first jobs: ${ipsEvents} in IPS, ${controlEvents} in usual care; an arm without a job, or every job in one arm before the other arm had any at risk, makes the ratio infinite or zero)`,
  subgroupLevelUnavailable: (label: string, level: string, n: { ips: number; control: number }) =>
    `subgroup ${label}, "${level}": no estimate (${n.ips} IPS and ${n.control} usual-care participants; at least two per arm with some spread in baseline utility are needed)`,
  subgroupLeftOut: (label: string, count: number) =>
    `subgroup ${label}: ${count} participant${count === 1 ? ' is' : 's are'} in no group of the settings and left out of it`,
  adjustmentUnavailable: (reason: string) => `cost per QALY: the adjusted ΔQALY (OLS qaly ~ arm + u0) could not be estimated: ${reason}`,
} as const;

/** Thrown when the data leave an analysis with nothing to compare (e.g. an empty arm). */
export class AnalysisDataError extends Error {
  override name = 'AnalysisDataError';
}

export const errors = {
  emptyArm: (kind: AnalysisKind, arm: string, setName: string) =>
    new AnalysisDataError(
      `${ANALYSIS_NAMES[kind]}: no participant of the ${arm} arm is in the analysed set (${setName}); the arms cannot be compared`,
    ),
} as const;
