/** Queries on `screenings`, `consents` and `withdrawals` (one row per participant each). */
import type { Db } from '../connection';
import { statement } from './statement';

export interface ScreeningRow {
  participant_id: number;
  screening_date: string;
  eligible: number;
  not_eligible_reason: string | null;
  answers_json: string;
  created_at: string;
  updated_at: string;
}

export interface ConsentRow {
  participant_id: number;
  consent_version: string;
  consent_date: string;
  consent_research: number;
  consent_info_exchange: number;
  answers_json: string;
  created_at: string;
  updated_at: string;
}

export interface WithdrawalRow {
  participant_id: number;
  withdrawal_date: string;
  withdrawal_data_use: string;
  answers_json: string;
  created_at: string;
  updated_at: string;
}

export function findScreening(db: Db, participantId: number): ScreeningRow | undefined {
  return statement(db, 'SELECT participant_id, screening_date, eligible, not_eligible_reason, answers_json, created_at, updated_at FROM screenings WHERE participant_id = ?').get(participantId) as ScreeningRow | undefined;
}

export function upsertScreening(db: Db, row: Omit<ScreeningRow, 'created_at' | 'updated_at'>, by: number | null, now: string): void {
  statement(
    db,
    `INSERT INTO screenings (participant_id, screening_date, eligible, not_eligible_reason, answers_json, screened_by, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (participant_id) DO UPDATE SET screening_date = excluded.screening_date, eligible = excluded.eligible,
       not_eligible_reason = excluded.not_eligible_reason, answers_json = excluded.answers_json, screened_by = excluded.screened_by, updated_at = excluded.updated_at`,
  ).run(row.participant_id, row.screening_date, row.eligible, row.not_eligible_reason, row.answers_json, by, now, now);
}

export function findConsent(db: Db, participantId: number): ConsentRow | undefined {
  return statement(db, 'SELECT participant_id, consent_version, consent_date, consent_research, consent_info_exchange, answers_json, created_at, updated_at FROM consents WHERE participant_id = ?').get(participantId) as ConsentRow | undefined;
}

export function upsertConsent(db: Db, row: Omit<ConsentRow, 'created_at' | 'updated_at'>, by: number | null, now: string): void {
  statement(
    db,
    `INSERT INTO consents (participant_id, consent_version, consent_date, consent_research, consent_info_exchange, answers_json, recorded_by, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (participant_id) DO UPDATE SET consent_version = excluded.consent_version, consent_date = excluded.consent_date,
       consent_research = excluded.consent_research, consent_info_exchange = excluded.consent_info_exchange, answers_json = excluded.answers_json,
       recorded_by = excluded.recorded_by, updated_at = excluded.updated_at`,
  ).run(row.participant_id, row.consent_version, row.consent_date, row.consent_research, row.consent_info_exchange, row.answers_json, by, now, now);
}

export function findWithdrawal(db: Db, participantId: number): WithdrawalRow | undefined {
  return statement(db, 'SELECT participant_id, withdrawal_date, withdrawal_data_use, answers_json, created_at, updated_at FROM withdrawals WHERE participant_id = ?').get(participantId) as WithdrawalRow | undefined;
}

export function upsertWithdrawal(db: Db, row: Omit<WithdrawalRow, 'created_at' | 'updated_at'>, by: number | null, now: string): void {
  statement(
    db,
    `INSERT INTO withdrawals (participant_id, withdrawal_date, withdrawal_data_use, answers_json, recorded_by, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (participant_id) DO UPDATE SET withdrawal_date = excluded.withdrawal_date, withdrawal_data_use = excluded.withdrawal_data_use,
       answers_json = excluded.answers_json, recorded_by = excluded.recorded_by, updated_at = excluded.updated_at`,
  ).run(row.participant_id, row.withdrawal_date, row.withdrawal_data_use, row.answers_json, by, now, now);
}

/** Flow facts of every participant, for the CONSORT counts and lists; `arm` is the arm allocated at randomization. */
export interface FlowRow {
  id: number;
  site_id: number;
  screened: number;
  eligible: number | null;
  not_eligible_reason: string | null;
  consented: number;
  consent_research: number | null;
  consent_info_exchange: number | null;
  arm: string | null;
  withdrawal_date: string | null;
}

export function listFlow(db: Db): FlowRow[] {
  return statement(
    db,
    `SELECT p.id, p.site_id, (sc.participant_id IS NOT NULL) AS screened, sc.eligible, sc.not_eligible_reason,
       (c.participant_id IS NOT NULL) AS consented, c.consent_research, c.consent_info_exchange,
       a.arm, -- as allocated (CONSORT counts by intention to treat; a correction does not move anyone)
       w.withdrawal_date
     FROM participants p
     LEFT JOIN screenings sc ON sc.participant_id = p.id
     LEFT JOIN consents c ON c.participant_id = p.id
     LEFT JOIN allocations a ON a.participant_id = p.id
     LEFT JOIN withdrawals w ON w.participant_id = p.id`,
  ).all() as FlowRow[];
}
