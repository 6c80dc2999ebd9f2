/**
 * Every router of the API, mounted under /api in this order. Add one line
 * per resource module (each exports a `MakeRouter`).
 */
import type { MakeRouter } from './context';
import { healthRouter } from './health';
import { sessionRouter } from './session';
import { usersRouter } from './users';
import { totpRouter } from './totp';
import { sitesRouter } from './sites';
import { auditRouter } from './audit';
import { operationsRouters } from './operations';
import { exportsRouter } from './exports';
import { reportsRouter } from './reports';
import { calendarFeedsRouter } from './calendar-feeds';
import { dataQueriesRouter } from './data-queries';
import { instrumentWordingRouter } from './instrument-wording';
import { unitCostsRouter } from './unit-costs';

export const apiRouters: MakeRouter[] = [
  healthRouter,
  sessionRouter,
  usersRouter,
  totpRouter,
  sitesRouter,
  auditRouter,
  ...operationsRouters,
  exportsRouter,
  reportsRouter,
  calendarFeedsRouter,
  dataQueriesRouter,
  instrumentWordingRouter,
  unitCostsRouter,
];
