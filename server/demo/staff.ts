/**
 * Demo staff: one account per role, with obviously fake names and
 * `@demo.ips-trial.invalid` emails (the .invalid domain can never receive
 * mail), all with the printed demo password. Coaches belong to demo sites.
 */
import { findSiteByCode } from '../db/queries/sites';
import { replaceUserSites } from '../db/queries/user-sites';
import { insertUser, type Role } from '../db/queries/users';
import { recordAudit } from '../services/audit';
import type { DemoStep } from './index';

export const DEMO_PASSWORD = 'demo-password-2026';

export interface DemoLogin {
  email: string;
  role: Role;
  sites: string[];
}

export const DEMO_STAFF: { email: string; displayName: string; role: Role; sites: string[] }[] = [
  { email: 'admin@demo.ips-trial.invalid', displayName: 'Demo Admin', role: 'admin', sites: [] },
  { email: 'manager@demo.ips-trial.invalid', displayName: 'Demo Studieansvarig', role: 'trial_manager', sites: [] },
  { email: 'coach@demo.ips-trial.invalid', displayName: 'Demo Coach Ett', role: 'coach', sites: ['ORE-AFF', 'ORE-DBT'] },
  { email: 'coach2@demo.ips-trial.invalid', displayName: 'Demo Coach Två', role: 'coach', sites: ['ORE-NORR', 'ORE-VAST', 'ORE-SODER'] },
  { email: 'evaluator@demo.ips-trial.invalid', displayName: 'Demo Utvärderare', role: 'evaluator', sites: [] },
  { email: 'monitor@demo.ips-trial.invalid', displayName: 'Demo Datamonitor', role: 'data_monitor', sites: [] },
];

export const demoStaffStep: DemoStep = {
  name: 'staff',
  run: ({ db, actor, passwordHash, logins }) => {
    const now = new Date().toISOString();
    for (const person of DEMO_STAFF) {
      const id = insertUser(db, { email: person.email, displayName: person.displayName, role: person.role, passwordHash, now });
      const siteIds = person.sites.map((code) => findSiteByCode(db, code)?.id).filter((x): x is number => x !== undefined);
      replaceUserSites(db, id, siteIds);
      recordAudit(db, {
        actor,
        action: 'create',
        entity: 'user',
        entityId: id,
        after: { email: person.email, display_name: person.displayName, role: person.role, sites: person.sites },
      });
      logins.push({ email: person.email, role: person.role, sites: person.sites });
    }
  },
};
