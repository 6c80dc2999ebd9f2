/**
 * CONSORT flow counts: referred, screened, excluded (not eligible, by
 * reason), declined (at screening or by refusing consent), consented,
 * randomized per arm, withdrawn per arm, and assessed (complete) per
 * timepoint and arm (and of those, how many were answered outside their
 * window, accepted by staff with a reason). Counts only, no identifiers: evaluators may read them.
 */
import type { Db } from '../db/connection';
import { listFlow } from '../db/queries/participant-forms';
import { dueAssessments } from './assessments';

export interface ConsortCounts {
  referred: number;
  screened: number;
  notEligible: { total: number; byReason: Record<string, number> };
  declined: number;
  consented: number;
  randomized: { ips: number; control: number };
  withdrawn: { ips: number; control: number; beforeRandomization: number };
  assessed: Record<string, { ips: number; control: number }>;
  /** of the assessed, those answered outside their window (accepted by staff with a reason) */
  assessedOutOfWindow: Record<string, { ips: number; control: number }>;
}

const perTimepoint = () => Object.fromEntries([0, 6, 12, 18, 24].map((t) => [t, { ips: 0, control: 0 }])) as Record<string, { ips: number; control: number }>;

/** Assessed = every form of the timepoint complete (dated by when it was answered; see assessments.ts). */
export function consortCounts(db: Db, siteIds: number[] | null): ConsortCounts {
  const sites = siteIds === null ? null : new Set(siteIds);
  const rows = listFlow(db).filter((r) => sites === null || sites.has(r.site_id));
  const counts: ConsortCounts = {
    referred: rows.length,
    screened: 0,
    notEligible: { total: 0, byReason: {} },
    declined: 0,
    consented: 0,
    randomized: { ips: 0, control: 0 },
    withdrawn: { ips: 0, control: 0, beforeRandomization: 0 },
    assessed: perTimepoint(),
    assessedOutOfWindow: perTimepoint(),
  };
  const armOf = new Map<number, 'ips' | 'control'>();
  for (const r of rows) {
    if (r.screened) counts.screened += 1;
    if (r.screened && !r.eligible) {
      counts.notEligible.total += 1;
      const reason = r.not_eligible_reason ?? 'other';
      counts.notEligible.byReason[reason] = (counts.notEligible.byReason[reason] ?? 0) + 1;
      if (reason === 'declined') counts.declined += 1;
    }
    if (r.consented) {
      if (r.consent_research && r.consent_info_exchange) counts.consented += 1;
      else counts.declined += 1;
    }
    if (r.arm === 'ips' || r.arm === 'control') {
      armOf.set(r.id, r.arm);
      counts.randomized[r.arm] += 1;
      if (r.withdrawal_date) counts.withdrawn[r.arm] += 1;
    } else if (r.withdrawal_date) counts.withdrawn.beforeRandomization += 1;
  }
  for (const a of dueAssessments(db, { siteIds, states: ['completed'] }, '9999-12-31')) {
    const arm = armOf.get(a.participantId);
    if (arm) counts.assessed[a.timepoint][arm] += 1;
    if (arm && a.outOfWindow) counts.assessedOutOfWindow[a.timepoint][arm] += 1;
  }
  return counts;
}
