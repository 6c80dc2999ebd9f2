/**
 * The funder report (the coordination associations' half-yearly report): per
 * site and in total, the IPS participants by current status (employed,
 * studying, work trial, job search, earlier steps, ended and why), by sex and
 * by municipality (small cells withheld), days from inclusion to the first
 * employer contact and to the first job (median, IQR), the targets, coach
 * caseloads and the latest fidelity review. Pure.
 */
import { findMunicipality } from '../../data-dictionary/municipalities';
import { suppressSmallCells } from './small-cells';
import { summarizeDays } from './days-summary';
import { computeTargets } from './targets';
import type { Cell, CaseloadSummary, FunderFidelity, FunderGroup, FunderParticipant, FunderReport } from './types';

/** Status categories in the order of the seeds' reports. */
export const STATUS_CATEGORIES: readonly [string, string][] = [
  ['employed:without_subsidy', 'Employed (competitive job, no wage subsidy)'],
  ['employed:wage_subsidy', 'Employed with a wage subsidy (lönestöd)'],
  ['studying', 'Studying'],
  ['work_trial', 'Work trial'],
  ['job_search', 'Job search'],
  ['preparation', 'Earlier steps (waiting list, pre-screening, agreement, vocational profile)'],
  ['follow_up', 'Follow-up after finding work'],
  ['ended:own_request', 'Ended at own request'],
  ['ended:referred_elsewhere', 'Ended: referred elsewhere'],
  ['ended:absence', 'Ended because of absence'],
  ['ended:other', 'Ended for another reason'],
  ['withdrawn', 'Withdrew from the study'],
  ['none', 'No status recorded yet'],
];

const SEX_CATEGORIES: readonly [string, string][] = [['female', 'Female'], ['male', 'Male'], ['other', 'Other'], ['missing', 'Not recorded']];
const PREPARATION = new Set(['waiting_list', 'pre_screening', 'agreement', 'profile']);

/** The status category of one participant at the end of the period. */
export function statusCategory(p: FunderParticipant): string {
  if (p.stage === 'ended') return `ended:${p.endedReason ?? 'other'}`;
  if (p.withdrawn) return 'withdrawn';
  if (p.stage === null) return 'none';
  if (p.stage === 'employed') return p.inSubsidisedWorkAtEnd ? 'employed:wage_subsidy' : 'employed:without_subsidy';
  return PREPARATION.has(p.stage) ? 'preparation' : p.stage;
}

function table(categories: readonly [string, string][], values: readonly string[], minCell: number): Cell[] {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return suppressSmallCells(categories.map(([category, label]) => ({ category, label, count: counts.get(category) ?? 0 })), minCell);
}

export const OTHER_MUNICIPALITIES = 'other';
export const NOT_CODED = 'not_coded';
export const NOT_RECORDED = 'not_recorded';

/**
 * Participants by municipality of residence (the baseline's coded
 * `municipality`, data-dictionary/municipalities.ts). A municipality's name
 * is printed only with a count of at least `minCell`: every smaller
 * municipality is pooled into "Other municipalities", and so is any named
 * cell the secondary suppression would withhold — so a withheld cell never
 * carries a name. Text stored before the coded list (not a code of the
 * list) is counted as "not coded" and never printed.
 */
export function municipalities(participants: readonly FunderParticipant[], minCell: number): Cell[] {
  const keyOf = (p: FunderParticipant) => {
    const value = p.municipality?.trim();
    if (!value) return NOT_RECORDED;
    return findMunicipality(value) ? value : NOT_CODED;
  };
  const counts = new Map<string, number>();
  for (const p of participants) counts.set(keyOf(p), (counts.get(keyOf(p)) ?? 0) + 1);
  const named = [...counts.keys()].filter((k) => k !== NOT_CODED && k !== NOT_RECORDED)
    .sort((a, b) => findMunicipality(a)!.name.localeCompare(findMunicipality(b)!.name, 'sv'));
  const pooled = new Set(named.filter((code) => counts.get(code)! < minCell));
  for (;;) {
    const shown = named.filter((code) => !pooled.has(code));
    const cells: Cell[] = [
      ...shown.map((code) => ({ category: code, label: findMunicipality(code)!.name, count: counts.get(code)! })),
      { category: OTHER_MUNICIPALITIES, label: `Other municipalities (fewer than ${minCell} participants each)`, count: [...pooled].reduce((n, code) => n + counts.get(code)!, 0) },
      { category: NOT_CODED, label: 'Not coded (free text entered before the coded list)', count: counts.get(NOT_CODED) ?? 0 },
      { category: NOT_RECORDED, label: 'Not recorded', count: counts.get(NOT_RECORDED) ?? 0 },
    ];
    const out = suppressSmallCells(cells, minCell);
    const withheldNames = out.filter((c) => c.count === null && findMunicipality(c.category));
    if (withheldNames.length === 0) return out.filter((c) => findMunicipality(c.category) || cells.find((x) => x.category === c.category)!.count! > 0);
    for (const c of withheldNames) pooled.add(c.category);
  }
}

/** Active participants (not ended, not withdrawn) per coach. */
export function caseloads(participants: readonly FunderParticipant[]): CaseloadSummary {
  const perCoach = new Map<number, number>();
  for (const p of participants) {
    if (p.coachId === null || p.stage === 'ended' || p.withdrawn) continue;
    perCoach.set(p.coachId, (perCoach.get(p.coachId) ?? 0) + 1);
  }
  const loads = [...perCoach.values()];
  if (loads.length === 0) return { coaches: 0, mean: null, max: null, over20: 0 };
  return { coaches: loads.length, mean: loads.reduce((a, b) => a + b, 0) / loads.length, max: Math.max(...loads), over20: loads.filter((n) => n > 20).length };
}

function group(name: string, participants: readonly FunderParticipant[], fidelity: readonly FunderFidelity[], minCell: number): FunderGroup {
  return {
    group: name,
    participants: participants.length,
    newInPeriod: participants.filter((p) => p.newInPeriod).length,
    statuses: table(STATUS_CATEGORIES, participants.map(statusCategory), minCell),
    bySex: table(SEX_CATEGORIES, participants.map((p) => p.sex ?? 'missing'), minCell),
    byMunicipality: municipalities(participants, minCell),
    employerContact: summarizeDays(participants.map((p) => p.firstEmployerContactDay)),
    firstJob: summarizeDays(participants.map((p) => p.firstJobDay)),
    targets: computeTargets(participants, minCell),
    caseload: caseloads(participants),
    fidelity: [...fidelity],
  };
}

/**
 * @param participants IPS participants included by the end of the period
 * @param fidelity the latest fidelity review per site
 * @param minCell smallest count shown (default 5)
 */
export function computeFunderReport(participants: readonly FunderParticipant[], fidelity: readonly FunderFidelity[], minCell = 5): FunderReport {
  const sites = [...new Set([...participants.map((p) => p.site), ...fidelity.map((f) => f.site)])].sort();
  return {
    minCell,
    groups: [
      group('total', participants, fidelity, minCell),
      ...sites.map((site) => group(site, participants.filter((p) => p.site === site), fidelity.filter((f) => f.site === site), minCell)),
    ],
  };
}
