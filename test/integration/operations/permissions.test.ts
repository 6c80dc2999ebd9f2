/** Every endpoint of trial operations × every role (+ anonymous): allowed or refused. */
import { ANY_STAFF, describePermissionMatrix } from '../server-core/permission-matrix';
import { EVERYONE } from '../server-core/harness';
import { register } from './fixtures';

const P = '/api/participants/TST-A-0001';
const managers = ['admin', 'trial_manager'] as const;
const staffWriters = ['admin', 'trial_manager', 'coach'] as const;
/** participant-level research data: everyone but the evaluator (reports and anonymized exports only) */
const participantReaders = ['admin', 'trial_manager', 'coach', 'data_monitor'] as const;

describePermissionMatrix(
  'trial operations',
  [
    { method: 'POST', path: '/api/participants', body: {}, allow: managers },
    { method: 'GET', path: '/api/participants', allow: participantReaders },
    { method: 'GET', path: P, allow: participantReaders },
    { method: 'PATCH', path: P, body: { reason: '' }, allow: managers },
    { method: 'GET', path: `${P}/identifiers`, allow: staffWriters },
    { method: 'PUT', path: `${P}/identifiers`, body: {}, allow: managers },
    { method: 'PUT', path: `${P}/screening`, body: {}, allow: managers },
    { method: 'PUT', path: `${P}/consent`, body: {}, allow: managers },
    { method: 'PUT', path: `${P}/withdrawal`, body: {}, allow: managers },
    { method: 'GET', path: '/api/consort', allow: ['admin', 'trial_manager', 'evaluator', 'data_monitor'] },
    { method: 'POST', path: `${P}/allocation`, allow: managers },
    { method: 'GET', path: `${P}/allocation`, allow: participantReaders },
    { method: 'POST', path: `${P}/allocation/corrections`, body: {}, allow: ['admin'] },
    { method: 'GET', path: '/api/randomization/balance', allow: ['admin', 'trial_manager', 'evaluator', 'data_monitor'] },
    { method: 'GET', path: `${P}/assessments`, allow: participantReaders },
    { method: 'GET', path: '/api/assessments/due', allow: ['admin', 'trial_manager', 'coach', 'data_monitor'] },
    { method: 'GET', path: '/api/assessments/reminders', allow: staffWriters },
    { method: 'GET', path: '/api/assessments/summary', allow: ANY_STAFF },
    { method: 'PUT', path: '/api/responses/00000000-0000-4000-8000-000000000001', body: {}, allow: staffWriters },
    { method: 'GET', path: `${P}/open-assessment`, allow: staffWriters },
    { method: 'GET', path: `${P}/responses`, allow: participantReaders },
    { method: 'POST', path: `${P}/tablet-session`, body: {}, allow: staffWriters },
    { method: 'GET', path: '/api/tablet-session', allow: ANY_STAFF },
    { method: 'POST', path: `${P}/home-codes`, body: { x: 1 }, allow: staffWriters },
    { method: 'POST', path: '/api/home-sessions', body: {}, allow: EVERYONE },
    { method: 'POST', path: '/api/time-logs', body: {}, allow: staffWriters },
    { method: 'POST', path: '/api/time-logs/week', body: { entries: [] }, allow: staffWriters },
    { method: 'GET', path: '/api/time-logs', allow: ['admin', 'trial_manager', 'coach', 'data_monitor'] },
    { method: 'DELETE', path: '/api/time-logs/999', body: {}, allow: staffWriters },
    { method: 'GET', path: `${P}/time-logs`, allow: ['admin', 'trial_manager', 'coach', 'data_monitor'] },
    { method: 'GET', path: '/api/caseloads', allow: ['admin', 'trial_manager', 'coach', 'data_monitor'] },
    { method: 'GET', path: `${P}/episodes`, allow: participantReaders },
    { method: 'POST', path: `${P}/episodes`, body: {}, allow: staffWriters },
    { method: 'PUT', path: `${P}/episodes/999`, body: {}, allow: staffWriters },
    { method: 'GET', path: `${P}/statuses`, allow: participantReaders },
    { method: 'POST', path: `${P}/statuses`, body: {}, allow: staffWriters },
    { method: 'GET', path: '/api/fidelity-reviews', allow: ANY_STAFF },
    { method: 'POST', path: '/api/fidelity-reviews', body: {}, allow: managers },
    { method: 'POST', path: '/api/sites/TST-A/fidelity-reviews', body: {}, allow: managers },
    { method: 'POST', path: '/api/responses/00000000-0000-4000-8000-000000000001/corrections', body: {}, allow: managers },
    { method: 'GET', path: '/api/responses/00000000-0000-4000-8000-000000000001/corrections', allow: participantReaders },
    { method: 'GET', path: `${P}/corrections`, allow: participantReaders },
    { method: 'POST', path: '/api/time-logs/999/corrections', body: {}, allow: staffWriters },
    { method: 'GET', path: '/api/time-logs/999/corrections', allow: participantReaders },
    { method: 'POST', path: `${P}/episodes/999/corrections`, body: {}, allow: staffWriters },
    { method: 'GET', path: `${P}/episodes/999/corrections`, allow: participantReaders },
    { method: 'DELETE', path: `${P}/episodes/999`, body: {}, allow: staffWriters },
    { method: 'POST', path: `${P}/statuses/999/corrections`, body: {}, allow: staffWriters },
    { method: 'GET', path: `${P}/statuses/999/corrections`, allow: participantReaders },
    { method: 'POST', path: '/api/fidelity-reviews/999/corrections', body: {}, allow: managers },
    { method: 'GET', path: '/api/fidelity-reviews/999/corrections', allow: ANY_STAFF },
    { method: 'GET', path: '/api/study-settings', allow: ANY_STAFF },
    { method: 'PUT', path: '/api/study-settings', body: { windowDaysBefore: -1 }, allow: ['admin'] },
  ],
  async (server) => {
    await register(server, 'TST-A', 1);
  },
);
