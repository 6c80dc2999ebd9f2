/**
 * IPS fidelity reviews per site (25 items scored 1–5) and their trend. Total,
 * area subtotals and band come from instruments/fidelity (`scoreFidelity`:
 * 115–125 exemplary, 100–114 good, 74–99 fair, ≤73 not_ips).
 */
import type { Db } from '../db/connection';
import * as reviews from '../db/queries/fidelity-reviews';
import { findSiteByCode, findSiteById } from '../db/queries/sites';
import { inTransaction } from '../db/transaction';
import { problems } from '../errors';
import { recordAudit, type AuditActor } from './audit';
import { addCalendarMonths } from '../schedule/calendar';
import { notAfter, notBefore, plausibleAfter, refuseImplausible } from './date-plausibility';
import type { Answers } from './operations-forms';
import { validateForm } from '../../data-dictionary/validate';
import { mergePatch, recordCorrection } from './record-corrections';
import { scoreFidelity } from '../../instruments/fidelity/index';

const ITEM = /^fid_\d\d$/;

function items(answers: Answers): Record<string, number> {
  return Object.fromEntries(Object.entries(answers).filter(([k]) => ITEM.test(k))) as Record<string, number>;
}

export function viewReview(db: Db, row: reviews.FidelityReviewRow) {
  const answers = JSON.parse(row.answers_json) as Answers;
  const score = scoreFidelity(items(answers));
  return { id: row.id, site: findSiteById(db, row.site_id)?.code ?? null, total: row.total, band: row.band, bandLabel: score.bandLabel, areas: score.areas, ...answers, createdAt: row.created_at };
}

/** A review is dated up to today; the next review (a plan) may lie ahead, after this one and within two years of it. */
function checkReviewDates(answers: Answers, clock: Date): void {
  const reviewDate = String(answers.review_date);
  refuseImplausible(
    plausibleAfter('review.review_date', reviewDate, clock),
    typeof answers.next_review_date === 'string' ? notBefore('review.next_review_date', answers.next_review_date, reviewDate, 'before_review', 'review') : null,
    typeof answers.next_review_date === 'string' && plausibleAfter('review.review_date', reviewDate, clock) === null
      ? notAfter('review.next_review_date', answers.next_review_date, addCalendarMonths(reviewDate, 24), 'too_far_ahead', 'review date + 24 months') : null,
  );
}

export function addReview(db: Db, actor: AuditActor, siteCode: string, answers: Answers, clock: Date = new Date()) {
  checkReviewDates(answers, clock);
  const site = findSiteByCode(db, siteCode);
  if (!site) throw problems.notFound('site', siteCode);
  const { total, band } = scoreFidelity(items(answers));
  return inTransaction(db, () => {
    const id = reviews.insertFidelityReview(db, { site_id: site.id, review_date: String(answers.review_date), review_type: String(answers.review_type), reviewers: String(answers.reviewers), answers_json: JSON.stringify(answers), total, band }, actor.id, new Date().toISOString());
    recordAudit(db, { actor, action: 'create', entity: 'fidelity_review', entityId: id, after: { site: site.code, total, band, ...answers } });
    return viewReview(db, reviews.listFidelityReviews(db, site.id).find((r) => r.id === id)!);
  });
}

/** Reviews of one site (or all) in date order, with the change since the previous review of the same site. */
export function reviewTrend(db: Db, siteCode: string | null) {
  let siteId: number | null = null;
  if (siteCode !== null) {
    const site = findSiteByCode(db, siteCode);
    if (!site) throw problems.notFound('site', siteCode);
    siteId = site.id;
  }
  const lastTotal = new Map<number, number>();
  return reviews.listFidelityReviews(db, siteId).map((row) => {
    const previous = lastTotal.get(row.site_id);
    lastTotal.set(row.site_id, row.total);
    const site = findSiteById(db, row.site_id)!.code;
    return { id: row.id, site, reviewDate: row.review_date, reviewType: row.review_type, total: row.total, band: row.band, changeSincePrevious: previous === undefined ? null : row.total - previous };
  });
}

/**
 * Corrects a review (the changed fields; `null` clears an optional one):
 * validated and dated as a new review, total and band scored again; the
 * earlier review stays in record_corrections.
 */
export function correctReview(db: Db, actor: AuditActor, id: number, patch: Answers, reason: string, clock: Date = new Date()) {
  return inTransaction(db, () => {
    const before = reviews.findFidelityReview(db, id);
    if (!before) throw problems.notFound('fidelity review', id);
    const result = validateForm('fidelity_review', mergePatch(JSON.parse(before.answers_json) as Answers, patch));
    if (!result.ok) throw problems.invalidBody(result.errors.map((e) => ({ field: e.field ? `review.${e.field}` : 'review', message: e.message })));
    const answers = result.value;
    checkReviewDates(answers, clock);
    const { total, band } = scoreFidelity(items(answers));
    reviews.correctFidelityReview(db, id, { review_date: String(answers.review_date), review_type: String(answers.review_type), reviewers: String(answers.reviewers), answers_json: JSON.stringify(answers), total, band }, actor.id, new Date().toISOString());
    const correction = recordCorrection(db, {
      kind: 'fidelity_review', recordId: id, entity: 'fidelity_review', entityId: id, participantId: null, siteId: before.site_id,
      before: { total: before.total, band: before.band, ...(JSON.parse(before.answers_json) as Answers) }, after: { total, band, ...answers }, reason, actor, part: 'review',
    });
    return { review: viewReview(db, reviews.findFidelityReview(db, id)!), correction };
  });
}
