/**
 * IPS fidelity reviews: POST /api/fidelity-reviews {site, review} or POST
 * /api/sites/:code/fidelity-reviews {review} (admin, trial manager; form
 * fidelity_review), GET /api/fidelity-reviews?site=CODE (the
 * trend: each review's total, band and change since the previous one),
 * POST /api/fidelity-reviews/:id/corrections {review: changed fields,
 * reason} (admin, trial manager) and GET …/corrections (its history).
 */
import express from 'express';
import { requireLogin, requireRole } from '../http/require-role';
import { checks, readEnvelope, type Answers } from '../services/operations-forms';
import { addReview, correctReview, reviewTrend } from '../services/fidelity-reviews';
import { correctionsOfRecord, readCorrectionBody } from '../services/record-corrections';
import { findFidelityReview } from '../db/queries/fidelity-reviews';
import { idParam } from '../http/params';
import { problems } from '../errors';
import { actorOf } from '../services/sessions';
import type { MakeRouter } from './context';

export const fidelityReviewsRouter: MakeRouter = ({ db }) => {
  const router = express.Router();

  router.post('/sites/:code/fidelity-reviews', requireRole('admin', 'trial_manager'), (req, res) => {
    const body = readEnvelope(req.body, { forms: { review: 'fidelity_review' } });
    res.status(201).json({ review: addReview(db, actorOf(req.auth!.user), String(req.params.code), body.review as Answers) });
  });

  router.post('/fidelity-reviews', requireRole('admin', 'trial_manager'), (req, res) => {
    const body = readEnvelope(req.body, { forms: { review: 'fidelity_review' }, fields: { site: checks.siteCode }, requiredFields: ['site'] });
    res.status(201).json({ review: addReview(db, actorOf(req.auth!.user), String(body.site), body.review as Answers) });
  });

  router.get('/fidelity-reviews', requireLogin, (req, res) => {
    const site = typeof req.query.site === 'string' ? req.query.site : null;
    res.json({ reviews: reviewTrend(db, site) });
  });

  router.post('/fidelity-reviews/:id/corrections', requireRole('admin', 'trial_manager'), (req, res) => {
    const id = idParam(req, 'id', 'fidelity review');
    const { patch, reason } = readCorrectionBody(req.body, 'review');
    res.status(201).json(correctReview(db, actorOf(req.auth!.user), id, patch, reason));
  });

  router.get('/fidelity-reviews/:id/corrections', requireLogin, (req, res) => {
    const id = idParam(req, 'id', 'fidelity review');
    if (!findFidelityReview(db, id)) throw problems.notFound('fidelity review', id);
    res.json({ corrections: correctionsOfRecord(db, 'fidelity_review', id) });
  });

  return router;
};
