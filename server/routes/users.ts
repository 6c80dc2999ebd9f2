/**
 * Staff accounts, for admins only: list, read, create (form `staff_user`),
 * change name / role / active (form `staff_user_update`; `active: false`
 * deactivates), reset a password (form `staff_password_reset`), assign and
 * remove sites (form `staff_user_site`). The list says who has two-step
 * verification (`totp_enrolled`).
 */
import express from 'express';
import { idParam } from '../http/params';
import { requireRole } from '../http/require-role';
import { noBody, validateBody } from '../http/validate-body';
import { actorOf } from '../services/sessions';
import { enrolledUserIds } from '../services/totp';
import * as staff from '../services/users';
import type { MakeRouter } from './context';

export const usersRouter: MakeRouter = ({ config, db }) => {
  const router = express.Router();
  const adminOnly = requireRole('admin');

  router.get('/users', adminOnly, (_req, res) => {
    const enrolled = enrolledUserIds(db);
    res.json({ users: staff.listStaffUsers(db).map((user) => ({ ...user, totp_enrolled: enrolled.has(user.id) })) });
  });

  router.get('/users/:id', adminOnly, (req, res) => {
    res.json({ user: staff.getStaffUser(db, idParam(req, 'id', 'staff user')) });
  });

  router.post('/users', adminOnly, validateBody('staff_user'), async (req, res) => {
    const body = req.body as Omit<staff.NewStaffUser, 'site_codes'> & { site_code?: string | null };
    const user = await staff.createStaffUser(db, actorOf(req.auth!.user), {
      ...body,
      site_codes: body.site_code ? [body.site_code] : [],
    }, config.passwordCost);
    res.status(201).location(`/api/users/${user.id}`).json({ user });
  });

  router.patch('/users/:id', adminOnly, validateBody('staff_user_update'), (req, res) => {
    const id = idParam(req, 'id', 'staff user');
    res.json({ user: staff.updateStaffUser(db, actorOf(req.auth!.user), id, req.body) });
  });

  router.put('/users/:id/password', adminOnly, validateBody('staff_password_reset'), async (req, res) => {
    const id = idParam(req, 'id', 'staff user');
    await staff.resetPassword(db, actorOf(req.auth!.user), id, (req.body as { new_password: string }).new_password, config.passwordCost);
    res.status(204).end();
  });

  router.post('/users/:id/sites', adminOnly, validateBody('staff_user_site'), (req, res) => {
    const id = idParam(req, 'id', 'staff user');
    res.json({ user: staff.assignSite(db, actorOf(req.auth!.user), id, (req.body as { site_code: string }).site_code) });
  });

  router.delete('/users/:id/sites/:code', adminOnly, noBody, (req, res) => {
    const id = idParam(req, 'id', 'staff user');
    res.json({ user: staff.removeSite(db, actorOf(req.auth!.user), id, String(req.params.code)) });
  });

  return router;
};
