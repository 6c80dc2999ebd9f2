/** The pages of the staff workspace and the roles that see each. */
import type { User } from './staff-api';

export type Role = 'admin' | 'trial_manager' | 'coach' | 'evaluator' | 'data_monitor';
export type StaffUser = User;

export interface RouteContext {
  user: StaffUser;
  params: string[];
}

export interface Route {
  path: string;
  title: string;
  nav: boolean;
  roles: Role[];
  render(main: HTMLElement, context: RouteContext): Promise<void>;
}

const ALL: Role[] = ['admin', 'trial_manager', 'coach', 'evaluator', 'data_monitor'];
const OPERATIONS: Role[] = ['admin', 'trial_manager', 'coach', 'data_monitor'];
const lazy = (load: () => Promise<{ render: Route['render'] }>): Route['render'] => async (main, context) => (await load()).render(main, context);

export const ROUTES: Route[] = [
  { path: 'dashboard', title: 'Dashboard', nav: true, roles: OPERATIONS, render: lazy(() => import('./pages/dashboard')) },
  { path: 'participants', title: 'Participants', nav: true, roles: OPERATIONS, render: lazy(() => import('./pages/participants')) },
  { path: 'enrol', title: 'Screening & enrolment', nav: true, roles: ['admin', 'trial_manager'], render: lazy(() => import('./pages/enrol')) },
  { path: 'participant', title: 'Participant', nav: false, roles: OPERATIONS, render: lazy(() => import('./pages/participant')) },
  { path: 'time-logs', title: 'Time logs', nav: true, roles: ['coach', 'admin', 'trial_manager'], render: lazy(() => import('./pages/time-logs')) },
  { path: 'fidelity', title: 'Fidelity', nav: true, roles: ['admin', 'trial_manager', 'data_monitor'], render: lazy(() => import('./pages/fidelity')) },
  { path: 'consort', title: 'CONSORT flow', nav: true, roles: ALL, render: lazy(() => import('./pages/consort')) },
  { path: 'reports', title: 'Reports & exports', nav: true, roles: ['admin', 'trial_manager', 'evaluator', 'data_monitor'], render: lazy(() => import('./pages/reports')) },
];
