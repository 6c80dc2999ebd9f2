/**
 * Sites: every logged-in role may list and read them; admins and trial
 * managers create (form `site`), change (form `site_update`) and delete them.
 * A site is addressed by its code: `/api/sites/ORE-AFF`.
 */
import express from 'express';
import { requireLogin, requireRole } from '../http/require-role';
import { noBody, validateBody } from '../http/validate-body';
import { actorOf } from '../services/sessions';
import * as sites from '../services/sites';
import type { MakeRouter } from './context';

export const sitesRouter: MakeRouter = ({ db }) => {
  const router = express.Router();
  const managers = requireRole('admin', 'trial_manager');

  router.get('/sites', requireLogin, (_req, res) => {
    res.json({ sites: sites.listSites(db) });
  });

  router.get('/sites/:code', requireLogin, (req, res) => {
    res.json({ site: sites.getSite(db, String(req.params.code)) });
  });

  router.post('/sites', managers, validateBody('site'), (req, res) => {
    const site = sites.createSite(db, actorOf(req.auth!.user), req.body as sites.NewSite);
    res.status(201).location(`/api/sites/${site.code}`).json({ site });
  });

  router.patch('/sites/:code', managers, validateBody('site_update'), (req, res) => {
    res.json({ site: sites.updateSite(db, actorOf(req.auth!.user), String(req.params.code), req.body) });
  });

  router.delete('/sites/:code', managers, noBody, (req, res) => {
    sites.deleteSite(db, actorOf(req.auth!.user), String(req.params.code));
    res.status(204).end();
  });

  return router;
};
