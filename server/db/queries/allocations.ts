/** Queries on `allocations` and `allocation_corrections`. */
import type { Db } from '../connection';
import { statement } from './statement';

export interface AllocationRow {
  participant_id: number;
  arm: 'ips' | 'control';
  method: 'blocks' | 'minimisation';
  stratum: string;
  stratum_position: number;
  factor_levels_json: string;
  seed_fingerprint: string;
  randomized_on: string;
  allocated_at: string;
  allocated_by: number | null;
  /** order of the allocation in the trial (0-based) */
  draw_index: number | null;
  /** the arm after corrections (equals arm when never corrected) */
  effective_arm: 'ips' | 'control';
}

const SELECT = `SELECT a.participant_id, a.arm, a.method, a.stratum, a.stratum_position, a.factor_levels_json, a.seed_fingerprint,
  a.randomized_on, a.allocated_at, a.allocated_by, a.draw_index,
  COALESCE((SELECT corrected_arm FROM allocation_corrections c WHERE c.participant_id = a.participant_id ORDER BY c.id DESC LIMIT 1), a.arm) AS effective_arm
  FROM allocations a`;

export function findAllocation(db: Db, participantId: number): AllocationRow | undefined {
  return statement(db, `${SELECT} WHERE a.participant_id = ?`).get(participantId) as AllocationRow | undefined;
}

export function listAllocations(db: Db): AllocationRow[] {
  return statement(db, `${SELECT} ORDER BY a.draw_index, a.allocated_at, a.participant_id`).all() as AllocationRow[];
}

export function countInStratum(db: Db, method: string, stratum: string): number {
  return (statement(db, 'SELECT COUNT(*) AS n FROM allocations WHERE method = ? AND stratum = ?').get(method, stratum) as { n: number }).n;
}

export function countAllocations(db: Db): number {
  return (statement(db, 'SELECT COUNT(*) AS n FROM allocations').get() as { n: number }).n;
}

export function insertAllocation(db: Db, row: Omit<AllocationRow, 'effective_arm'>): void {
  statement(
    db,
    `INSERT INTO allocations (participant_id, arm, method, stratum, stratum_position, factor_levels_json, seed_fingerprint, randomized_on, allocated_at, allocated_by, draw_index)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(row.participant_id, row.arm, row.method, row.stratum, row.stratum_position, row.factor_levels_json, row.seed_fingerprint, row.randomized_on, row.allocated_at, row.allocated_by, row.draw_index);
}

export interface CorrectionRow {
  id: number;
  participant_id: number;
  previous_arm: string;
  corrected_arm: string;
  reason: string;
  corrected_by: number | null;
  corrected_at: string;
}

export function insertCorrection(db: Db, row: Omit<CorrectionRow, 'id'>): number {
  const result = statement(
    db,
    'INSERT INTO allocation_corrections (participant_id, previous_arm, corrected_arm, reason, corrected_by, corrected_at) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(row.participant_id, row.previous_arm, row.corrected_arm, row.reason, row.corrected_by, row.corrected_at);
  return Number(result.lastInsertRowid);
}

export function listCorrections(db: Db, participantId: number): CorrectionRow[] {
  return statement(db, 'SELECT id, participant_id, previous_arm, corrected_arm, reason, corrected_by, corrected_at FROM allocation_corrections WHERE participant_id = ? ORDER BY id').all(participantId) as CorrectionRow[];
}
