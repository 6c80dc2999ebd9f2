/**
 * The study's unit costs (services/unit-costs.ts): `GET /api/unit-costs`
 * (admin, trial manager, evaluator: the table with price year and source,
 * and whether it is still the default) and `PUT /api/unit-costs/:item`
 * (admin; form `unit_cost`: unit cost, price year, source, and a reason
 * when the row exists). Audited.
 */
import express from 'express';
import { requireRole } from '../http/require-role';
import { validateBody } from '../http/validate-body';
import { actorOf } from '../services/sessions';
import { getUnitCosts, setUnitCost } from '../services/unit-costs';
import type { MakeRouter } from './context';

export const unitCostsRouter: MakeRouter = ({ db }) => {
  const router = express.Router();

  router.get('/unit-costs', requireRole('admin', 'trial_manager', 'evaluator'), (_req, res) => {
    res.json(getUnitCosts(db));
  });

  router.put('/unit-costs/:item', requireRole('admin'), validateBody('unit_cost'), (req, res) => {
    const body = req.body as { unit_cost: number; price_year: number; source: string; reason?: string | null };
    res.json(setUnitCost(db, actorOf(req.auth!.user), String(req.params.item), body));
  });

  return router;
};
