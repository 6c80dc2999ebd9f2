/** Queries on `fidelity_reviews`. */
import type { Db } from '../connection';
import { statement } from './statement';

export interface FidelityReviewRow {
  id: number;
  site_id: number;
  review_date: string;
  review_type: string;
  reviewers: string;
  answers_json: string;
  total: number;
  band: string;
  created_at: string;
  updated_at: string;
}

const COLUMNS = 'id, site_id, review_date, review_type, reviewers, answers_json, total, band, created_at, updated_at';

export function listFidelityReviews(db: Db, siteId: number | null): FidelityReviewRow[] {
  if (siteId === null) return statement(db, `SELECT ${COLUMNS} FROM fidelity_reviews ORDER BY site_id, review_date, id`).all() as FidelityReviewRow[];
  return statement(db, `SELECT ${COLUMNS} FROM fidelity_reviews WHERE site_id = ? ORDER BY review_date, id`).all(siteId) as FidelityReviewRow[];
}

export function insertFidelityReview(db: Db, row: Omit<FidelityReviewRow, 'id' | 'created_at' | 'updated_at'>, by: number | null, now: string): number {
  const result = statement(
    db,
    'INSERT INTO fidelity_reviews (site_id, review_date, review_type, reviewers, answers_json, total, band, recorded_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(row.site_id, row.review_date, row.review_type, row.reviewers, row.answers_json, row.total, row.band, by, now, now);
  return Number(result.lastInsertRowid);
}

export function findFidelityReview(db: Db, id: number): FidelityReviewRow | undefined {
  return statement(db, `SELECT ${COLUMNS} FROM fidelity_reviews WHERE id = ?`).get(id) as FidelityReviewRow | undefined;
}

/** A correction of a review with its new total and band (record_corrections keeps the earlier value). */
export function correctFidelityReview(db: Db, id: number, row: Pick<FidelityReviewRow, 'review_date' | 'review_type' | 'reviewers' | 'answers_json' | 'total' | 'band'>, by: number | null, now: string): void {
  statement(db, 'UPDATE fidelity_reviews SET review_date = ?, review_type = ?, reviewers = ?, answers_json = ?, total = ?, band = ?, recorded_by = ?, updated_at = ? WHERE id = ?').run(
    row.review_date, row.review_type, row.reviewers, row.answers_json, row.total, row.band, by, now, id,
  );
}
