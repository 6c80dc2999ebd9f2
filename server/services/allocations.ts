/**
 * Randomization of one participant, concealed until made.
 *
 * Preconditions (each refused with 409 and what is missing): screened
 * eligible, consent to research and to information exchange, the complete
 * baseline questionnaire (every form of timepoint 0), not withdrawn, not
 * already allocated. The arm comes from the sealed seed in the secrets
 * directory and the count of earlier allocations in the stratum
 * (server/randomization): nothing readable through the API or the database
 * tells the next arm. The allocation, the five scheduled assessments and
 * the audit entry are written in one IMMEDIATE transaction, so two
 * simultaneous requests cannot take the same position. Allocations are final;
 * an admin may correct one with a reason (original kept).
 */
import type { Config } from '../config';
import type { Db } from '../db/connection';
import * as allocations from '../db/queries/allocations';
import { insertAssessment } from '../db/queries/assessments';
import { findConsent, findScreening, findWithdrawal } from '../db/queries/participant-forms';
import { findParticipant, type ParticipantRow } from '../db/queries/participants';
import { findCompleteResponse } from '../db/queries/responses';
import { inTransaction } from '../db/transaction';
import { problems } from '../errors';
import { RANDOMIZATION_SEED, trialSecret } from '../secrets';
import type { Arm } from '../randomization/arms';
import { addToMarginals, minimisationAllocation, type MarginalCounts } from '../randomization/minimisation';
import { blockAllocationAt } from '../randomization/permuted-blocks';
import { replayAllocations, type ReplayResult } from '../randomization/replay';
import { seedFingerprint } from '../randomization/seed';
import { factorLevels, stratumKey } from '../randomization/strata';
import { assessmentSchedule } from '../schedule/assessment-state';
import { recordAudit, type AuditActor } from './audit';
import { requiredForms } from './assessments';
import { getStudySettings, type StudySettings } from './study-settings';

/** The sealed seed of this database (checked: a missing or foreign seed file throws). */
export function randomizationSeed(db: Db, config: Pick<Config, 'secretsDir'>): Buffer {
  return trialSecret(db, config.secretsDir, RANDOMIZATION_SEED);
}

/** What still stands between the participant and allocation (empty when ready). */
export function missingPreconditions(db: Db, participant: ParticipantRow, settings: StudySettings): string[] {
  const missing: string[] = [];
  const screening = findScreening(db, participant.id);
  if (!screening) missing.push('screening');
  else if (!screening.eligible) missing.push('eligibility (screened not eligible)');
  const consent = findConsent(db, participant.id);
  if (!consent) missing.push('consent');
  else {
    if (!consent.consent_research) missing.push('consent to research');
    if (!consent.consent_info_exchange) missing.push('consent to information exchange');
  }
  const baseline = requiredForms(0, settings).filter((form) => !findCompleteResponse(db, participant.id, 0, form));
  if (baseline.length) missing.push(`complete baseline questionnaire (${baseline.join(', ')})`);
  if (findWithdrawal(db, participant.id)) missing.push('participant is withdrawn');
  return missing;
}

function baselineAnswers(db: Db, participantId: number): Record<string, unknown> {
  const row = findCompleteResponse(db, participantId, 0, 'baseline');
  return row ? (JSON.parse(row.answers_json) as Record<string, unknown>) : {};
}

function minimisationCounts(db: Db): MarginalCounts {
  const counts: MarginalCounts = new Map();
  for (const row of allocations.listAllocations(db)) {
    // original arms, so a later correction never changes how earlier draws replay
    if (row.method === 'minimisation') addToMarginals(counts, JSON.parse(row.factor_levels_json), row.arm);
  }
  return counts;
}

export function allocate(db: Db, seed: Buffer, actor: AuditActor, participant: ParticipantRow, today: string): allocations.AllocationRow {
  return inTransaction(db, () => {
    if (allocations.findAllocation(db, participant.id)) throw problems.conflict(`${participant.study_id} is already randomized; an allocation cannot be repeated`);
    const settings = getStudySettings(db);
    const missing = missingPreconditions(db, participant, settings);
    if (missing.length) throw problems.conflict(`${participant.study_id} cannot be randomized yet: missing ${missing.join('; ')}`);
    const baseline = baselineAnswers(db, participant.id);
    const birthYear = typeof baseline.birth_year === 'number' ? baseline.birth_year : null;
    const levels = factorLevels(
      { siteCode: participant.site_code, sex: typeof baseline.sex === 'string' ? baseline.sex : null, ageYears: birthYear === null ? null : Number(today.slice(0, 4)) - birthYear },
      { bySex: settings.stratifyBySex, ageBandCuts: settings.ageBandCuts },
    );
    const stratum = stratumKey(levels);
    const method = settings.randomizationMethod;
    const position = allocations.countInStratum(db, method, stratum);
    const drawIndex = allocations.countAllocations(db);
    const arm: Arm =
      method === 'blocks'
        ? blockAllocationAt(seed, stratum, position, settings.blockSizes)
        : minimisationAllocation(seed, drawIndex, minimisationCounts(db), levels, settings.minimisationProbability);
    const now = new Date().toISOString();
    allocations.insertAllocation(db, {
      participant_id: participant.id,
      arm,
      method,
      stratum,
      stratum_position: position,
      factor_levels_json: JSON.stringify(levels),
      seed_fingerprint: seedFingerprint(seed),
      randomized_on: today,
      allocated_at: now,
      allocated_by: actor.id,
      draw_index: drawIndex,
    });
    for (const a of assessmentSchedule(today, { daysBefore: settings.windowDaysBefore, daysAfter: settings.windowDaysAfter })) {
      insertAssessment(db, { participantId: participant.id, ...a }, now);
    }
    recordAudit(db, { actor, action: 'allocate', entity: 'allocation', entityId: participant.study_id, after: { arm, method, stratum, randomized_on: today } });
    return allocations.findAllocation(db, participant.id)!;
  });
}

export function correctAllocation(db: Db, actor: AuditActor, participant: ParticipantRow, arm: Arm, reason: string): allocations.AllocationRow {
  return inTransaction(db, () => {
    const current = allocations.findAllocation(db, participant.id);
    if (!current) throw problems.conflict(`${participant.study_id} has no allocation to correct`);
    if (current.effective_arm === arm) throw problems.conflict(`${participant.study_id} is already in arm ${arm}`);
    allocations.insertCorrection(db, { participant_id: participant.id, previous_arm: current.effective_arm, corrected_arm: arm, reason, corrected_by: actor.id, corrected_at: new Date().toISOString() });
    recordAudit(db, { actor, action: 'allocation_correction', entity: 'allocation', entityId: participant.study_id, before: { arm: current.effective_arm, original_arm: current.arm }, after: { arm }, reason });
    return allocations.findAllocation(db, participant.id)!;
  });
}

export interface BalanceReport {
  overall: { ips: number; control: number };
  strata: { stratum: string; method: string; ips: number; control: number; difference: number }[];
  sites: { site: string; ips: number; control: number }[];
}

/** Balance per stratum, per site and overall (effective arms). */
export function balanceReport(db: Db): BalanceReport {
  const strata = new Map<string, BalanceReport['strata'][number]>();
  const sites = new Map<string, BalanceReport['sites'][number]>();
  const overall = { ips: 0, control: 0 };
  for (const row of allocations.listAllocations(db)) {
    const key = `${row.method}|${row.stratum}`;
    const s = strata.get(key) ?? { stratum: row.stratum, method: row.method, ips: 0, control: 0, difference: 0 };
    s[row.effective_arm] += 1;
    s.difference = s.ips - s.control;
    strata.set(key, s);
    const site = (JSON.parse(row.factor_levels_json) as Record<string, string>).site;
    const t = sites.get(site) ?? { site, ips: 0, control: 0 };
    t[row.effective_arm] += 1;
    sites.set(site, t);
    overall[row.effective_arm] += 1;
  }
  const byName = <T extends { stratum?: string; site?: string }>(a: T, b: T) => String(a.stratum ?? a.site).localeCompare(String(b.stratum ?? b.site));
  return { overall, strata: [...strata.values()].sort(byName), sites: [...sites.values()].sort(byName) };
}

/** Replays every stored allocation from the seed (for `ips-trial randomization verify`). */
export function verifyAllocations(db: Db, seed: Buffer): ReplayResult & { fingerprint: string } {
  const settings = getStudySettings(db);
  const rows = allocations.listAllocations(db).map((row, i) => ({
    label: findParticipant(db, row.participant_id)?.study_id ?? String(row.participant_id),
    arm: row.arm,
    method: row.method,
    stratum: row.stratum,
    stratumPosition: row.stratum_position,
    drawIndex: row.draw_index ?? i,
    factorLevels: JSON.parse(row.factor_levels_json) as Record<string, string>,
  }));
  return { ...replayAllocations(seed, rows, settings), fingerprint: seedFingerprint(seed) };
}
