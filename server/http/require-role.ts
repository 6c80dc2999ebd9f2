/**
 * `requireRole(...roles)`: 401 without a session, 403 when the staff
 * member's role is not one of `roles`. `requireLogin` accepts every role.
 */
import type { RequestHandler } from 'express';
import { ROLES, type Role } from '../db/queries/users';
import { problems } from '../errors';

export function requireRole(...roles: Role[]): RequestHandler {
  const allowed = new Set<Role>(roles);
  return (req, _res, next) => {
    if (!req.auth) return next(problems.notAuthenticated());
    if (!allowed.has(req.auth.user.role)) return next(problems.forbidden());
    next();
  };
}

export const requireLogin: RequestHandler = requireRole(...ROLES);

/**
 * Participant-level research data (participant records, assessments,
 * responses, episodes, statuses, allocations): every role but the
 * evaluator, who works from reports and anonymized exports only.
 */
export const requireParticipantReader: RequestHandler = requireRole('admin', 'trial_manager', 'coach', 'data_monitor');
