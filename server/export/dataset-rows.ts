/**
 * The rows of the analysis dataset (analysis/dataset/types.ts), built from the
 * live database one at a time (generators over `.iterate()`), so the export
 * and the live ICER report share one code path and memory does not grow with
 * the study. Only randomized participants; every day is counted from the
 * participant's randomization date; no internal id, name, national id,
 * contact detail, free text or calendar date leaves this module.
 *
 * Questionnaires are dated by the day they were answered (responses.answered_on:
 * the tablet's completion date or the date on a paper form), not the day they
 * reached the server.
 *
 * Withdrawals: "none" (no data may be used) → the participant is left out
 * entirely; "collected_only" → rows dated after the withdrawal are left out
 * (never the baseline questionnaire, which is collected before randomization);
 * "collected_and_registers" → everything is kept (the analysis itself stops
 * counting at withdrawn_day).
 */
import type { AssessmentRow, EmploymentRow, EpisodeType, ParticipantRow, ServiceUseRow, Sex, Timepoint, TimelogRow } from '../../analysis/dataset/types';
import { getForm } from '../../data-dictionary/index';
import type { Db } from '../db/connection';
import {
  iterateExportContexts, iterateExportEpisodes, iterateExportParticipants, iterateExportResponses, iterateExportTimeLogs,
  type ExportParticipantRow, type ExportResponseRow, type ExportRowContext,
} from '../db/queries/export-rows';
import { ageBand } from './age-band';
import { dayFrom } from './day-count';
import { applyPlan, quasiIdentifierKey, type AnonymityPlan, type QuasiIdentifiers } from './k-anonymity';
import type { Pseudonymize } from './pseudonym';

const EQ5D = ['eq5d_mo', 'eq5d_sc', 'eq5d_ua', 'eq5d_pd', 'eq5d_ad'] as const;
const GSE = Array.from({ length: 10 }, (_, i) => `gse_${String(i + 1).padStart(2, '0')}`);
const SEXES: readonly string[] = ['female', 'male', 'other'];

/** Participants left out: every row is dropped. */
const leftOut = (c: Pick<ExportRowContext, 'withdrawal_data_use'>) => c.withdrawal_data_use === 'none';
/** Rows after a "collected_only" withdrawal are dropped. */
const afterWithdrawal = (c: ExportRowContext) => c.withdrawal_data_use === 'collected_only' && c.after_withdrawal === 1;

function quasi(row: ExportParticipantRow): QuasiIdentifiers {
  const sex = typeof row.sex === 'string' && SEXES.includes(row.sex) ? row.sex : null;
  const year = typeof row.birth_year === 'number' ? row.birth_year : row.birth_year === null ? null : Number(row.birth_year);
  return { site: row.site, sex, age_band: ageBand(year, row.randomized_on) };
}

/** First pass: how many participants share each (site, sex, age band); how many are left out (withdrawal, no data use). */
export function countQuasiIdentifiers(db: Db): { counts: Map<string, number>; leftOut: number } {
  const counts = new Map<string, number>();
  let excluded = 0;
  for (const row of iterateExportParticipants(db)) {
    if (leftOut(row)) {
      excluded += 1;
      continue;
    }
    const k = quasiIdentifierKey(quasi(row));
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return { counts, leftOut: excluded };
}

export function* participantRows(db: Db, pid: Pseudonymize, plan: AnonymityPlan): Generator<ParticipantRow> {
  for (const row of iterateExportParticipants(db)) {
    if (leftOut(row)) continue;
    const q = applyPlan(plan, quasi(row));
    yield {
      pid: pid(row.id),
      arm: row.arm,
      arm_received: row.arm_received,
      allocation_corrected: row.allocation_corrected ? 1 : 0,
      site: q.site,
      sex: q.sex as Sex | null,
      age_band: q.age_band,
      withdrawn_day: row.withdrawal_date === null ? null : Math.max(0, dayFrom(row.randomized_on, row.withdrawal_date)),
    };
  }
}

/** Caches the pid of the current participant (rows come ordered by participant). */
function cachedPid(pid: Pseudonymize): Pseudonymize {
  let lastId = -1;
  let last = '';
  return (id) => {
    if (id !== lastId) {
      lastId = id;
      last = pid(id);
    }
    return last;
  };
}

function level(answers: Record<string, unknown>, name: string): number | null {
  const v = answers[name];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

const SERVICE_FIELDS = getForm('service_use')?.fields ?? [];
const SERVICE_ITEMS = SERVICE_FIELDS.filter((f) => f.type === 'integer' || f.type === 'number').map((f) => ({ name: f.name, item: f.costItem ?? f.name }));

/**
 * A service-use form answered "don't know" (an explicit null) to any
 * question — whether, or how many times: the period's use is not known, so
 * the timepoint has su_complete = 0 (its cost is missing: left out of the
 * complete case, imputed under multiple imputation), never zero use.
 */
function hasDontKnow(answers: Record<string, unknown>): boolean {
  return SERVICE_FIELDS.some((f) => f.dontKnow && answers[f.name] === null);
}

/**
 * An assessments.csv row: the contract's columns plus the extension
 * `out_of_window` (1 when any of its forms was accepted outside the window).
 */
export type ExportAssessmentRow = AssessmentRow & { out_of_window: 0 | 1 };

export type AssessmentOutput = { kind: 'assessment'; row: ExportAssessmentRow } | { kind: 'service_use'; row: ServiceUseRow };

function assessmentOf(group: ExportResponseRow[], eq5dForm: string, pid: string): AssessmentOutput[] {
  const first = group[0];
  const best = (form: string) => group.find((r) => r.form === form);
  const eq5d = best(eq5dForm);
  const gse = best('gse');
  const su = best('service_use');
  const suAnswers = su ? (JSON.parse(su.answers_json) as Record<string, unknown>) : {};
  const suComplete = su?.complete === 1 && !hasDontKnow(suAnswers);
  const eqAnswers = eq5d ? (JSON.parse(eq5d.answers_json) as Record<string, unknown>) : {};
  const gseAnswers = gse ? (JSON.parse(gse.answers_json) as Record<string, unknown>) : {};
  const used = [eq5d, gse, su].filter((r): r is ExportResponseRow => r !== undefined);
  const day = Math.max(...used.map((r) => r.day));
  const timepoint = first.timepoint as Timepoint;
  const out: AssessmentOutput[] = [{
    kind: 'assessment',
    row: {
      pid, timepoint, day,
      eq5d_mo: level(eqAnswers, 'eq5d_mo'), eq5d_sc: level(eqAnswers, 'eq5d_sc'), eq5d_ua: level(eqAnswers, 'eq5d_ua'),
      eq5d_pd: level(eqAnswers, 'eq5d_pd'), eq5d_ad: level(eqAnswers, 'eq5d_ad'), eq_vas: level(eqAnswers, 'eq_vas'),
      gse: GSE.map((name) => level(gseAnswers, name)),
      su_complete: suComplete ? 1 : 0,
      out_of_window: used.some((r) => r.out_of_window === 1) ? 1 : 0,
    },
  }];
  if (suComplete) {
    for (const { name, item } of SERVICE_ITEMS) {
      const quantity = level(suAnswers, name);
      if (quantity !== null && quantity > 0) out.push({ kind: 'service_use', row: { pid, timepoint, item, quantity } });
    }
  }
  return out;
}

/** assessments.csv and service_use.csv rows, from the questionnaire responses grouped by participant and timepoint. */
export function* assessmentRows(db: Db, pid: Pseudonymize, eq5dForm: string): Generator<AssessmentOutput> {
  const forms = [eq5dForm, 'gse', 'service_use'];
  const pidOf = cachedPid(pid);
  let group: ExportResponseRow[] = [];
  const flush = function* (): Generator<AssessmentOutput> {
    // the baseline is collected before randomization, so a withdrawal never takes it away (only "none" does, below)
    const usable = group.filter((r) => r.timepoint === 0 || !afterWithdrawal(r));
    if (usable.length > 0 && !leftOut(usable[0])) yield* assessmentOf(usable, eq5dForm, pidOf(usable[0].participant_id));
  };
  for (const row of iterateExportResponses(db, forms)) {
    if (group.length > 0 && (group[0].participant_id !== row.participant_id || group[0].timepoint !== row.timepoint)) {
      yield* flush();
      group = [];
    }
    group.push(row);
  }
  if (group.length > 0) yield* flush();
}

export function* employmentRows(db: Db, pid: Pseudonymize): Generator<EmploymentRow> {
  const pidOf = cachedPid(pid);
  for (const row of iterateExportEpisodes(db)) {
    if (leftOut(row) || afterWithdrawal(row)) continue;
    const hours = row.hours_per_week === null ? null : Number(row.hours_per_week);
    yield {
      pid: pidOf(row.participant_id),
      type: row.episode_type as EpisodeType,
      start_day: row.day,
      end_day: row.end_day,
      hours_per_week: hours !== null && Number.isFinite(hours) ? hours : null,
      // collected on competitive jobs; empty for other episode types and when not recorded
      wage_subsidy: row.episode_type === 'competitive' && (row.wage_subsidy === 0 || row.wage_subsidy === 1) ? row.wage_subsidy : null,
    };
  }
}

/** Day number of a date (cached: a study has a few thousand distinct dates). */
function dayNumbers(): (date: string) => number {
  const cache = new Map<string, number>();
  return (date) => {
    let day = cache.get(date);
    if (day === undefined) {
      day = dayFrom('1970-01-01', date);
      cache.set(date, day);
    }
    return day;
  };
}

/**
 * timelogs.csv rows: the logs (covering index, participant order) merged with
 * the randomized participants' randomization and withdrawal (participant
 * order too), so no join is made per log.
 */
export function* timelogRows(db: Db, pid: Pseudonymize): Generator<TimelogRow> {
  const pidOf = cachedPid(pid);
  const dayOf = dayNumbers();
  const contexts = iterateExportContexts(db);
  let context = contexts.next();
  try {
    for (const [participantId, date, role, activity, minutes] of iterateExportTimeLogs(db)) {
      while (!context.done && context.value[0] < participantId) context = contexts.next();
      if (context.done || context.value[0] !== participantId) continue; // not randomized
      const [, randomizedOn, withdrawalDate, dataUse] = context.value;
      if (dataUse === 'none' || (dataUse === 'collected_only' && withdrawalDate !== null && date > withdrawalDate)) continue;
      yield { pid: pidOf(participantId), day: dayOf(date) - dayOf(randomizedOn), role, activity, minutes };
    }
  } finally {
    contexts.return?.();
  }
}

export { EQ5D as EQ5D_COLUMNS };
