/**
 * Queries on `sus_registrations` (one start and one end registration per
 * participant) and the rows behind the SUS worklist, sheets and follow-up
 * report: the participants of the funded intervention (IPS arm, after
 * corrections) with their baseline sex and birth year, latest process status
 * and SUS registrations.
 */
import type { Db } from '../connection';
import { statement } from './statement';

export type SusKind = 'start' | 'end';

export interface SusRegistrationRow {
  participant_id: number;
  kind: SusKind;
  registration_date: string;
  consent: 0 | 1 | null;
  answers_json: string;
  entered_on: string | null;
  created_at: string;
  updated_at: string;
}

const COLUMNS = 'participant_id, kind, registration_date, consent, answers_json, entered_on, created_at, updated_at';

export function listSusRegistrations(db: Db, participantId: number): SusRegistrationRow[] {
  return statement(db, `SELECT ${COLUMNS} FROM sus_registrations WHERE participant_id = ? ORDER BY kind DESC`).all(participantId) as SusRegistrationRow[];
}

export function findSusRegistration(db: Db, participantId: number, kind: SusKind): SusRegistrationRow | undefined {
  return statement(db, `SELECT ${COLUMNS} FROM sus_registrations WHERE participant_id = ? AND kind = ?`).get(participantId, kind) as SusRegistrationRow | undefined;
}

export function upsertSusRegistration(db: Db, row: { participantId: number; kind: SusKind; date: string; consent: 0 | 1 | null; answersJson: string }, by: number | null, now: string): void {
  statement(
    db,
    `INSERT INTO sus_registrations (participant_id, kind, registration_date, consent, answers_json, recorded_by, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (participant_id, kind) DO UPDATE SET registration_date = excluded.registration_date, consent = excluded.consent,
       answers_json = excluded.answers_json, recorded_by = excluded.recorded_by, updated_at = excluded.updated_at`,
  ).run(row.participantId, row.kind, row.date, row.consent, row.answersJson, by, now, now);
}

export function setSusEnteredOn(db: Db, participantId: number, kind: SusKind, enteredOn: string | null, now: string): void {
  statement(db, 'UPDATE sus_registrations SET entered_on = ?, updated_at = ? WHERE participant_id = ? AND kind = ?').run(enteredOn, now, participantId, kind);
}

/** A participant with everything the SUS worklist, sheet and report read. */
export interface SusParticipantRow {
  id: number;
  study_id: string;
  site: string;
  coach_id: number | null;
  /** null when not randomized to (or corrected to) IPS: then not in the funded intervention */
  randomized_on: string | null;
  in_ips: 0 | 1;
  sex: string | null;
  birth_year: number | null;
  stage: string | null;
  /** date of the latest status when it is "ended" */
  ended_on: string | null;
  start_date: string | null;
  consent: 0 | 1 | null;
  start_json: string | null;
  start_entered_on: string | null;
  end_date: string | null;
  end_json: string | null;
  end_entered_on: string | null;
}

const SQL = `
SELECT p.id, p.study_id, s.code AS site, p.coach_id, a.randomized_on,
  (a.participant_id IS NOT NULL AND COALESCE((SELECT c.corrected_arm FROM allocation_corrections c WHERE c.participant_id = p.id ORDER BY c.id DESC LIMIT 1), a.arm) = 'ips') AS in_ips,
  b.sex, b.birth_year, st.process_stage AS stage, CASE WHEN st.process_stage = 'ended' THEN st.status_date END AS ended_on,
  rs.registration_date AS start_date, rs.consent, rs.answers_json AS start_json, rs.entered_on AS start_entered_on,
  re.registration_date AS end_date, re.answers_json AS end_json, re.entered_on AS end_entered_on
FROM participants p
JOIN sites s ON s.id = p.site_id
LEFT JOIN allocations a ON a.participant_id = p.id
LEFT JOIN (
  SELECT participant_id, json_extract(answers_json, '$.sex') AS sex, json_extract(answers_json, '$.birth_year') AS birth_year,
    row_number() OVER (PARTITION BY participant_id ORDER BY complete DESC, updated_at DESC, id DESC) AS pick
  FROM responses WHERE form = 'baseline' AND timepoint = 0
) b ON b.participant_id = p.id AND b.pick = 1
LEFT JOIN (
  SELECT participant_id, process_stage, status_date,
    row_number() OVER (PARTITION BY participant_id ORDER BY status_date DESC, id DESC) AS pick
  FROM process_statuses
) st ON st.participant_id = p.id AND st.pick = 1
LEFT JOIN sus_registrations rs ON rs.participant_id = p.id AND rs.kind = 'start'
LEFT JOIN sus_registrations re ON re.participant_id = p.id AND re.kind = 'end'
WHERE (a.participant_id IS NOT NULL OR rs.participant_id IS NOT NULL)
  AND (@site IS NULL OR s.code = @site)
  AND (@ids IS NULL OR p.id IN (SELECT value FROM json_each(@ids)))
ORDER BY s.code, p.study_id`;

/**
 * Randomized participants and anyone with a SUS registration, of one site or all
 * (`ids`: only these participant ids). Callers keep those in IPS or registered.
 */
export function listSusParticipants(db: Db, options: { site?: string | null; ids?: number[] } = {}): SusParticipantRow[] {
  return statement(db, SQL).all({ site: options.site ?? null, ids: options.ids ? JSON.stringify(options.ids) : null }) as SusParticipantRow[];
}
