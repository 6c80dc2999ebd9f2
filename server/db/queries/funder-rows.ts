/**
 * Queries behind the funder report (server/funder-report): the IPS-arm
 * participants randomized on or before the end of the period, each with the
 * facts the report counts as they stood on that day, and the latest fidelity
 * review per site. Aggregated reports only: nothing here leaves as a row.
 */
import type { Db } from '../connection';
import { statement } from './statement';

export interface FunderParticipantRow {
  id: number;
  site: string;
  randomized_on: string;
  coach_id: number | null;
  sex: string | null;
  municipality: string | null;
  stage: string | null;
  ended_reason: string | null;
  withdrawal_date: string | null;
  first_employer_contact: string | null;
  first_job: string | null;
  first_education: string | null;
  in_work: 0 | 1;
  in_studies: 0 | 1;
  /** 1 when every competitive job ongoing on the last day has a wage subsidy */
  in_subsidised_work: 0 | 1;
}

const EPISODE = (type: string, alias: string) =>
  `(SELECT min(e.episode_start_date) FROM employment_episodes e WHERE e.participant_id = p.id AND e.episode_type = '${type}' AND e.episode_start_date <= @to) AS ${alias}`;
const ONGOING = (type: string, alias: string) =>
  `EXISTS (SELECT 1 FROM employment_episodes e WHERE e.participant_id = p.id AND e.episode_type = '${type}' AND e.episode_start_date <= @to AND (e.episode_end_date IS NULL OR e.episode_end_date >= @to)) AS ${alias}`;

const ONGOING_JOB = `SELECT 1 FROM employment_episodes e WHERE e.participant_id = p.id AND e.episode_type = 'competitive' AND e.episode_start_date <= @to AND (e.episode_end_date IS NULL OR e.episode_end_date >= @to)`;

const SQL = `
SELECT p.id, s.code AS site, a.randomized_on, p.coach_id,
  b.sex, b.municipality,
  st.process_stage AS stage, st.ended_reason,
  CASE WHEN w.withdrawal_date <= @to THEN w.withdrawal_date END AS withdrawal_date,
  (SELECT min(t.log_date) FROM time_logs t WHERE t.participant_id = p.id AND t.activity = 'employer_contact' AND t.log_date <= @to) AS first_employer_contact,
  ${EPISODE('competitive', 'first_job')},
  ${EPISODE('education', 'first_education')},
  ${ONGOING('competitive', 'in_work')},
  ${ONGOING('education', 'in_studies')},
  (EXISTS (${ONGOING_JOB} AND json_extract(e.answers_json, '$.wage_subsidy') = 1)
    AND NOT EXISTS (${ONGOING_JOB} AND COALESCE(json_extract(e.answers_json, '$.wage_subsidy'), 0) <> 1)) AS in_subsidised_work
FROM allocations a
JOIN participants p ON p.id = a.participant_id
JOIN sites s ON s.id = p.site_id
LEFT JOIN withdrawals w ON w.participant_id = p.id
LEFT JOIN (
  SELECT participant_id, json_extract(answers_json, '$.sex') AS sex, json_extract(answers_json, '$.municipality') AS municipality,
    row_number() OVER (PARTITION BY participant_id ORDER BY complete DESC, updated_at DESC, id DESC) AS pick
  FROM responses WHERE form = 'baseline' AND timepoint = 0
) b ON b.participant_id = p.id AND b.pick = 1
LEFT JOIN (
  SELECT participant_id, process_stage, ended_reason,
    row_number() OVER (PARTITION BY participant_id ORDER BY status_date DESC, id DESC) AS pick
  FROM process_statuses WHERE status_date <= @to
) st ON st.participant_id = p.id AND st.pick = 1
WHERE a.randomized_on <= @to
  AND COALESCE((SELECT c.corrected_arm FROM allocation_corrections c WHERE c.participant_id = p.id ORDER BY c.id DESC LIMIT 1), a.arm) = 'ips'
  AND (@site IS NULL OR s.code = @site)
ORDER BY p.id`;

export function funderParticipants(db: Db, to: string, site: string | null): FunderParticipantRow[] {
  return statement(db, SQL).all({ to, site }) as FunderParticipantRow[];
}

export interface FunderFidelityRow {
  site: string;
  review_date: string;
  total: number;
  band: string;
}

export function latestFidelityReviews(db: Db, to: string, site: string | null): FunderFidelityRow[] {
  return statement(db, `
    SELECT site, review_date, total, band FROM (
      SELECT s.code AS site, f.review_date, f.total, f.band,
        row_number() OVER (PARTITION BY f.site_id ORDER BY f.review_date DESC, f.id DESC) AS pick
      FROM fidelity_reviews f JOIN sites s ON s.id = f.site_id
      WHERE f.review_date <= @to AND (@site IS NULL OR s.code = @site)
    ) WHERE pick = 1 ORDER BY site`).all({ to, site }) as FunderFidelityRow[];
}

export function siteExists(db: Db, code: string): boolean {
  return statement(db, 'SELECT 1 FROM sites WHERE code = ?').get(code) !== undefined;
}
