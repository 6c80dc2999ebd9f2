/**
 * Every router of the API, mounted under /api in this order. Add one line
 * per resource module (each exports a `MakeRouter`).
 */
import type { MakeRouter } from './context';
import { healthRouter } from './health';
import { sessionRouter } from './session';
import { usersRouter } from './users';
import { sitesRouter } from './sites';
import { auditRouter } from './audit';
import { operationsRouters } from './operations';
import { exportsRouter } from './exports';
import { reportsRouter } from './reports';
import { calendarFeedsRouter } from './calendar-feeds';
import { dataQueriesRouter } from './data-queries';
import { instrumentWordingRouter } from './instrument-wording';

export const apiRouters: MakeRouter[] = [
  healthRouter,
  sessionRouter,
  usersRouter,
  sitesRouter,
  auditRouter,
  ...operationsRouters,
  exportsRouter,
  reportsRouter,
  calendarFeedsRouter,
  dataQueriesRouter,
  instrumentWordingRouter,
];
