/**
 * One valid body per state-changing route (taken from the tests of each
 * area), for the fuzz to mutate: a hostile value at one place of an
 * otherwise valid request gets past the envelope checks into the services,
 * where a wrong type or a lone surrogate in a nested answer could otherwise
 * surface as a 500. Routes without an entry are fuzzed with hostile bodies
 * only.
 */
import { syntheticAnswers } from '../../../server/demo/operations/synthetic-answers';
import { TEST_PASSWORD } from '../server-core/harness';
import { ELIGIBLE_SCREENING, FULL_CONSENT, registration } from '../operations/fixtures';

export interface ExampleIds {
  participantId: number;
  studyId: string;
}

export function exampleBodies(ids: ExampleIds): Record<string, unknown> {
  const logEntry = { entry: { log_date: '2026-02-01', staff_role: 'ips_specialist', activity: 'participant_meeting', minutes: 30, log_scope: 'participant' }, participantId: ids.participantId };
  return {
    'POST /api/session': { email: 'target@test.ips-trial.invalid', password: 'not-the-password-1' },
    'PUT /api/session/password': { current_password: 'not-the-password-1', new_password: 'a-new-password-0001' },
    'POST /api/users': { email: 'fuzzed@test.ips-trial.invalid', display_name: 'Fuzz Testsson', role: 'coach', password: TEST_PASSWORD, site_code: 'TST-A' },
    'PATCH /api/users/:id': { display_name: 'Testperson Ändrad' },
    'PUT /api/users/:id/password': { new_password: 'a-new-password-0002' },
    'POST /api/users/:id/sites': { site_code: 'TST-B' },
    'POST /api/sites': { code: 'FUZ-1', name: 'Fuzzenhet', region: 'Testregion', places_min: 4, places_max: 8 },
    'PATCH /api/sites/:code': { name: 'Testenhet B2' },
    'POST /api/participants': registration('TST-A', 40),
    'PATCH /api/participants/:id': { referral: { referral_date: '2026-01-10' }, reason: 'rättat från pappret' },
    'PUT /api/participants/:id/identifiers': { identity: registration('TST-A', 41).identity, reason: 'nytt nummer' },
    'PUT /api/participants/:id/screening': { screening: ELIGIBLE_SCREENING },
    'PUT /api/participants/:id/consent': { consent: FULL_CONSENT },
    'PUT /api/participants/:id/withdrawal': { withdrawal: { withdrawal_date: '2026-02-01', withdrawal_data_use: 'collected_only' } },
    'POST /api/participants/:id/allocation/corrections': { arm: 'control', reason: 'Allocated under the wrong site by mistake' },
    'PUT /api/responses/:clientUuid': { participantId: ids.participantId, timepoint: 0, form: 'eq5d5l', answers: syntheticAnswers('eq5d5l'), revision: 2, complete: false, answered_on: '2026-01-14' },
    'PUT /api/tablet-delivery/:clientUuid': { timepoint: 0, form: 'gse', answers: syntheticAnswers('gse'), revision: 1, complete: false },
    'POST /api/participants/:id/tablet-session': { pin: '1357' },
    'POST /api/tablet-session/exit': { pin: '0000' },
    'POST /api/tablet-delivery': { keep: ['x'.repeat(32)] },
    'POST /api/home-sessions': { code: 'ABCDEFGHJK' },
    'POST /api/time-logs': logEntry,
    'POST /api/time-logs/week': { entries: [logEntry, logEntry] },
    'POST /api/participants/:id/episodes': { episode: { episode_type: 'competitive', episode_start_date: '2026-02-01', hours_per_week: 20, wage_subsidy: false } },
    'PUT /api/participants/:id/episodes/:episodeId': { episode: { hours_per_week: 25 }, reason: 'fler timmar' },
    'POST /api/participants/:id/statuses': { status: { status_date: '2026-02-01', process_stage: 'job_search' } },
    'POST /api/sites/:code/fidelity-reviews': { review: syntheticAnswers('fidelity_review', () => 0, { review_date: '2026-02-01' }) },
    'POST /api/fidelity-reviews': { site: 'TST-A', review: syntheticAnswers('fidelity_review', () => 0, { review_date: '2026-02-01' }) },
    'PUT /api/study-settings': { tabletLanguage: 'sv', reason: 'probe' },
    'POST /api/exports': { pidMode: 'fresh', k: 3 },
    'POST /api/reports/icer': { k: 3, settings: { bootstrap: { replicates: 200 } } },
    'POST /api/calendar-feeds': { lang: 'sv' },
    'POST /api/data-queries': { participant: ids.studyId, recordKind: 'response', form: 'eq5d5l', timepoint: 0, field: 'eq5d_mo', comment: 'Check mobility' },
    'POST /api/data-queries/:id/answer': { comment: 'Confirmed with the participant' },
    'POST /api/data-queries/:id/close': { comment: 'ok' },
    'POST /api/data-queries/:id/reopen': { comment: 'again' },
  };
}
