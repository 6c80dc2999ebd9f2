/**
 * The routers of trial operations (participants through fidelity), listed
 * once in routes/index.ts. Order matters only where paths overlap.
 */
import type { MakeRouter } from './context';
import { participantsRouter } from './participants';
import { allocationsRouter } from './allocations';
import { assessmentsRouter } from './assessments';
import { responsesRouter } from './responses';
import { tabletSessionsRouter } from './tablet-sessions';
import { timeLogsRouter } from './timelogs';
import { episodesRouter } from './episodes';
import { statusesRouter } from './statuses';
import { fidelityReviewsRouter } from './fidelity-reviews';
import { studySettingsRouter } from './study-settings';
import { susRouter } from './sus';

export const operationsRouters: MakeRouter[] = [
  participantsRouter,
  allocationsRouter,
  assessmentsRouter,
  responsesRouter,
  tabletSessionsRouter,
  timeLogsRouter,
  episodesRouter,
  statusesRouter,
  fidelityReviewsRouter,
  studySettingsRouter,
  susRouter,
];
