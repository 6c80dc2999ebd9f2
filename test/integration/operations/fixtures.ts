/**
 * Helpers for the trial-operations integration tests: synthetic people
 * (obviously fake names, valid-format personnummer in the 98xx serial
 * range), and the steps referral → screening → consent → baseline →
 * allocation through the API.
 */
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { luhnCheckDigit } from '../../../server/identity/luhn';
import { syntheticAnswers } from '../../../server/demo/operations/synthetic-answers';
import type { TestServer } from '../server-core/harness';

/** A valid personnummer (12 digits with dash) for synthetic person n (1–99). */
export function testPersonnummer(n: number, birth = '900101'): string {
  const serial = `98${String(n).padStart(2, '0').slice(-2)}`.slice(0, 3);
  const withoutCheck = `${birth}${serial}`;
  return `19${birth}-${serial}${luhnCheckDigit(withoutCheck)}`;
}

export const NUMBER_WORDS = ['Ett', 'Två', 'Tre', 'Fyra', 'Fem', 'Sex', 'Sju', 'Åtta', 'Nio', 'Tio', 'Elva', 'Tolv'];

export function registration(site: string, n: number) {
  return {
    site,
    referral: syntheticAnswers('referral', () => 0, { referral_date: '2026-01-10', on_waiting_list: false }, false),
    identity: {
      person_name: `Testperson ${NUMBER_WORDS[(n - 1) % NUMBER_WORDS.length]}${n > 12 ? ` ${n}` : ''}`,
      personal_number: testPersonnummer(n, `9001${String(10 + (n % 18)).padStart(2, '0')}`),
      person_phone: `070-000 00 ${String(n).padStart(2, '0')}`,
      street_address: `Testgatan ${n}`,
      postal_code: '999 99',
      postal_town: 'Teststad',
    },
  };
}

export async function register(server: TestServer, site: string, n: number): Promise<string> {
  const res = await server.as('trial_manager').send('POST', '/api/participants', registration(site, n));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.participant.studyId as string;
}

export const ELIGIBLE_SCREENING = syntheticAnswers('screening', () => 0, { screening_date: '2026-01-12', eligible: true });
export const FULL_CONSENT = { consent_version: '1.0', consent_date: '2026-01-13', consent_research: true, consent_info_exchange: true };

/** The date the fixtures' baseline questionnaires are answered (after the consent of FULL_CONSENT). */
export const BASELINE_ANSWERED_ON = '2026-01-14';

export async function putResponse(server: TestServer, who: 'trial_manager' | 'coach' | 'admin', participantId: number, form: string, timepoint = 0, options: { uuid?: string; revision?: number; complete?: boolean; answers?: Record<string, unknown>; answeredOn?: string } = {}) {
  return server.as(who).send('PUT', `/api/responses/${options.uuid ?? randomUUID()}`, {
    participantId,
    timepoint,
    form,
    answers: options.answers ?? syntheticAnswers(form),
    revision: options.revision ?? 1,
    complete: options.complete ?? true,
    answered_on: options.answeredOn ?? BASELINE_ANSWERED_ON,
  });
}

export const BASELINE_FORMS = ['baseline', 'eq5d5l', 'gse', 'service_use'];

/** Screening, consent and the complete baseline: ready for allocation. Returns the numeric id. */
export async function makeReady(server: TestServer, studyId: string): Promise<number> {
  const tm = server.as('trial_manager');
  const detail = await tm.get(`/api/participants/${studyId}`);
  const id = detail.body.participant.id as number;
  expect((await tm.send('PUT', `/api/participants/${studyId}/screening`, { screening: ELIGIBLE_SCREENING })).status).toBe(200);
  expect((await tm.send('PUT', `/api/participants/${studyId}/consent`, { consent: FULL_CONSENT })).status).toBe(200);
  for (const form of BASELINE_FORMS) {
    const res = await putResponse(server, 'trial_manager', id, form);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  }
  return id;
}
