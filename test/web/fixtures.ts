/**
 * Synthetic participants for the browser tests, made through the real API:
 * obviously fake names ("Testperson …") and personnummer in the style of the
 * Swedish Tax Agency's test series (serial 98x, valid Luhn check digit).
 */
import type { APIRequestContext } from 'playwright-core';

/** A personnummer YYYYMMDD-98NC with a correct Luhn check digit C. */
export function testPersonnummer(birth: string, serial: number): string {
  const nine = `${birth.slice(2)}98${serial}`;
  let sum = 0;
  for (let i = 0; i < nine.length; i += 1) {
    let d = Number(nine[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return `${birth}-98${serial}${(10 - (sum % 10)) % 10}`;
}

export const today = () => new Date().toISOString().slice(0, 10);

async function ok(response: Awaited<ReturnType<APIRequestContext['post']>>, what: string): Promise<Record<string, unknown>> {
  if (!response.ok()) throw new Error(`${what} failed: ${response.status()} ${await response.text()}`);
  return response.status() === 204 ? {} : ((await response.json()) as Record<string, unknown>);
}

/** Registers and screens (eligible); returns the participant's ids. */
export async function eligibleParticipant(request: APIRequestContext, url: string, csrf: string, serial: number): Promise<{ id: number; studyId: string }> {
  const headers = { 'X-CSRF-Token': csrf };
  const created = await ok(await request.post(`${url}/api/participants`, {
    headers,
    data: {
      site: 'ORE-AFF',
      referral: { referral_source: 'psychiatry', referral_date: today(), on_waiting_list: false },
      identity: { person_name: `Testperson ${serial}`, personal_number: testPersonnummer('19900101', serial) },
    },
  }), 'register');
  const participant = created.participant as { id: number; studyId: string };
  await ok(await request.put(`${url}/api/participants/${participant.id}/screening`, {
    headers,
    data: { screening: { screening_date: today(), in_psychiatric_care: true, diagnosis_group: 'mood', unemployed_or_no_return: true, public_support: true, motivated_to_work: true, working_age: true, eligible: true } },
  }), 'screening');
  return participant;
}

/** Registers, screens (eligible) and records consent; returns the participant's ids. */
export async function consentedParticipant(request: APIRequestContext, url: string, csrf: string, serial: number): Promise<{ id: number; studyId: string }> {
  const headers = { 'X-CSRF-Token': csrf };
  const participant = await eligibleParticipant(request, url, csrf, serial);
  await ok(await request.put(`${url}/api/participants/${participant.id}/consent`, {
    headers,
    data: { consent: { consent_version: 'v1.0', consent_date: today(), consent_research: true, consent_info_exchange: true } },
  }), 'consent');
  return { id: participant.id, studyId: participant.studyId };
}
