/** The pages of the staff workspace and the roles that see each. */
import type { User } from './staff-api';
import { t, type MessageKey } from './texts/index';

export type Role = 'admin' | 'trial_manager' | 'coach' | 'evaluator' | 'data_monitor';
export type StaffUser = User;

export interface RouteContext {
  user: StaffUser;
  params: string[];
  /** filters after `?` in the hash (#/worklist?site=ORE-AFF&state=overdue) */
  query?: URLSearchParams;
}

export interface Route {
  path: string;
  nav: boolean;
  roles: Role[];
  render(main: HTMLElement, context: RouteContext): Promise<void>;
}

const ALL: Role[] = ['admin', 'trial_manager', 'coach', 'evaluator', 'data_monitor'];
const OPERATIONS: Role[] = ['admin', 'trial_manager', 'coach', 'data_monitor'];
const lazy = (load: () => Promise<{ render: Route['render'] }>): Route['render'] => async (main, context) => (await load()).render(main, context);

export const ROUTES: Route[] = [
  { path: 'dashboard', nav: true, roles: OPERATIONS, render: lazy(() => import('./pages/dashboard')) },
  { path: 'worklist', nav: true, roles: OPERATIONS, render: lazy(() => import('./pages/worklist')) },
  { path: 'participants', nav: true, roles: OPERATIONS, render: lazy(() => import('./pages/participants')) },
  { path: 'enrol', nav: true, roles: ['admin', 'trial_manager'], render: lazy(() => import('./pages/enrol')) },
  { path: 'participant', nav: false, roles: OPERATIONS, render: lazy(() => import('./pages/participant')) },
  { path: 'data-queries', nav: true, roles: OPERATIONS, render: lazy(() => import('./pages/data-queries')) },
  { path: 'data-query', nav: false, roles: OPERATIONS, render: lazy(() => import('./pages/data-query')) },
  { path: 'time-logs', nav: true, roles: ['coach', 'admin', 'trial_manager'], render: lazy(() => import('./pages/time-logs')) },
  { path: 'sus', nav: true, roles: ['admin', 'trial_manager', 'coach'], render: lazy(() => import('./pages/sus')) },
  { path: 'sus-sheets', nav: false, roles: ['admin', 'trial_manager', 'coach'], render: lazy(() => import('./pages/sus-sheets')) },
  { path: 'fidelity', nav: true, roles: ['admin', 'trial_manager', 'data_monitor'], render: lazy(() => import('./pages/fidelity')) },
  { path: 'consort', nav: true, roles: ALL, render: lazy(() => import('./pages/consort')) },
  { path: 'instrument-wording', nav: true, roles: ['admin', 'trial_manager'], render: lazy(() => import('./pages/instrument-wording')) },
  { path: 'reports', nav: true, roles: ['admin', 'trial_manager', 'evaluator', 'data_monitor'], render: lazy(() => import('./pages/reports')) },
  { path: 'users', nav: true, roles: ['admin'], render: lazy(() => import('./pages/users')) },
  { path: 'sites', nav: true, roles: ['admin', 'trial_manager'], render: lazy(() => import('./pages/sites')) },
  { path: 'settings', nav: true, roles: ['admin'], render: lazy(() => import('./pages/settings')) },
  { path: 'unit-costs', nav: true, roles: ['admin', 'trial_manager', 'evaluator'], render: lazy(() => import('./pages/unit-costs')) },
  { path: 'two-step', nav: true, roles: ALL, render: lazy(() => import('./pages/two-step')) },
];

/** A page's name in the chosen language (navigation, document title). */
export function routeTitle(route: Route): string {
  return t(`route.${route.path}` as MessageKey);
}
