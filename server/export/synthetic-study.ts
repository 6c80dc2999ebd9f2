/**
 * Writes a generated trial (a TrialDataset, e.g. from analysis/demo) into the
 * operations tables, as if it had been collected: participants with obviously
 * synthetic identifiers (encrypted as usual), screening, consent,
 * allocation, the baseline form (sex and a birth year matching the age band),
 * EQ-5D / GSE / service-use responses dated `day` days after randomization,
 * employment episodes, coach time logs, withdrawals and a process-status
 * history. Used by the demo study, the export tests (which then look for
 * every identifier in the exported bytes) and the export benchmark. Free-text
 * fields deliberately carry the participant's name, so a leak would show.
 */
import { randomUUID } from 'node:crypto';
import type { AssessmentRow, TrialDataset } from '../../analysis/dataset/types';
import { getForm } from '../../data-dictionary/index';
import type { Db } from '../db/connection';
import { setSetting } from '../db/queries/app-settings';
import { findSiteByCode, insertSite } from '../db/queries/sites';
import * as sql from '../db/queries/synthetic-study';
import { insertUser } from '../db/queries/users';
import type { IdentifierKeys } from '../identity/identifier-cipher';
import { luhnCheckDigit } from '../identity/luhn';
import { checkNationalId, storeIdentifiers } from '../services/participant-identifiers';
import { unmatchableHash } from '../services/passwords';
import { studyIdFor } from '../services/participants';
import { ANALYSIS_SETTINGS_SETTING, UNIT_COSTS_SETTING } from './export-settings';

export interface SyntheticStudyOptions {
  /** first randomization date; participants are spread over `spreadDays` from it */
  startDate?: string;
  spreadDays?: number;
  /** withdrawal_data_use of every withdrawal (default collected_and_registers) */
  withdrawalDataUse?: 'collected_and_registers' | 'collected_only' | 'none';
  /** store the dataset's unit costs and settings as the study's (default true) */
  storeSettings?: boolean;
  /** number of the first synthetic identity (loading a study in chunks: identities stay unique) */
  identityOffset?: number;
}

const WORDS = ['Ett', 'Två', 'Tre', 'Fyra', 'Fem', 'Sex', 'Sju', 'Åtta', 'Nio', 'Tio'];
const AGE_OF_BAND: Record<string, number> = { '<18': 17, '18-24': 21, '25-29': 27, '30-39': 35, '40-49': 45, '50-64': 57, '65+': 66 };
const MS_PER_DAY = 86_400_000;
/** municipalities of the seeds' reports (seed 003), unevenly used so that some cells are small */
/** Kommun codes of Örebro län (data-dictionary/municipalities): Lindesberg, Nora, Hällefors, Ljusnarsberg, Örebro, Kumla. */
const MUNICIPALITIES = ['se_1885', 'se_1885', 'se_1885', 'se_1884', 'se_1884', 'se_1863', 'se_1864', 'se_1880', 'se_1880', 'se_1880', 'se_1880', 'se_1881', 'se_1885'];

export const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * MS_PER_DAY).toISOString().slice(0, 10);

/** Synthetic identity n (0-based): obviously fake, with a comma and a quote in the name, valid personnummer in the 98x/99x serial range. */
export function syntheticIdentity(n: number): { identity: Record<string, string>; personnummer: string } {
  const birth = addDays('1960-01-01', n % 14_600).replace(/-/g, '');
  const serial = String(980 + Math.floor(n / 14_600)).padStart(3, '0');
  const personnummer = `${birth}-${serial}${luhnCheckDigit(birth.slice(2) + serial)}`;
  const word = `${WORDS[n % WORDS.length]}${n >= WORDS.length ? n : ''}`;
  return {
    personnummer,
    identity: {
      person_name: `Testperson "${word}", Syntetisk`,
      personal_number: personnummer,
      person_phone: `070-${String(n).padStart(7, '0').replace(/^(\d{3})(\d{2})(\d{2})$/, '$1 $2 $3')}`,
      person_email: `testperson.${n}@example.invalid`,
      street_address: `Testgatan ${n + 1}, lgh ${1000 + (n % 9000)}`,
      postal_code: `999 ${String(n % 100).padStart(2, '0')}`,
      postal_town: 'Teststad Syntetisk',
    },
  };
}

function ensureSite(db: Db, code: string, now: string): number {
  const found = findSiteByCode(db, code);
  if (found) return found.id;
  return insertSite(db, { code, name: `Synthetic site ${code}`, region: 'Synthetic region', placesMin: 10, placesMax: 1_000_000 }, now);
}

const SERVICE_COUNTS = (getForm('service_use')?.fields ?? []).filter((f) => f.type === 'integer' || f.type === 'number');
const SERVICE_FIELD_OF_ITEM = new Map(SERVICE_COUNTS.map((f) => [f.costItem ?? f.name, f.name]));
/** the yes/no question each count follows (its showWhen) */
const GATE_OF_FIELD = new Map(SERVICE_COUNTS.map((f) => [f.name, f.showWhen?.field ?? `${f.name}_any`]));

function assessmentResponses(a: AssessmentRow, serviceUse: Map<string, number> | undefined) {
  const out: { form: string; answers: Record<string, unknown>; complete: 0 | 1 }[] = [];
  const eq5d = { eq5d_mo: a.eq5d_mo, eq5d_sc: a.eq5d_sc, eq5d_ua: a.eq5d_ua, eq5d_pd: a.eq5d_pd, eq5d_ad: a.eq5d_ad, eq_vas: a.eq_vas };
  const present = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined));
  const eqAnswers = present(eq5d);
  if (Object.keys(eqAnswers).length > 0) out.push({ form: 'eq5d5l', answers: eqAnswers, complete: Object.keys(eqAnswers).length === 6 ? 1 : 0 });
  const gse = present(Object.fromEntries(a.gse.map((v, i) => [`gse_${String(i + 1).padStart(2, '0')}`, v])));
  if (Object.keys(gse).length > 0) out.push({ form: 'gse', answers: gse, complete: Object.keys(gse).length === 10 ? 1 : 0 });
  if (a.su_complete === 1) {
    // as the tablet stores it: no to every "any …?" question, then yes and the count for each item used
    const answers: Record<string, unknown> = {};
    for (const field of SERVICE_FIELD_OF_ITEM.values()) answers[GATE_OF_FIELD.get(field)!] = false;
    for (const [item, quantity] of serviceUse ?? []) {
      const field = SERVICE_FIELD_OF_ITEM.get(item);
      if (!field) throw new Error(`service-use item "${item}" is not a field of the service_use form`);
      if (quantity <= 0) continue;
      answers[GATE_OF_FIELD.get(field)!] = true;
      answers[field] = quantity;
    }
    out.push({ form: 'service_use', answers, complete: 1 });
  } else if (a.su_complete === 0) {
    out.push({ form: 'service_use', answers: {}, complete: 0 });
  }
  return out;
}

/** Loads the dataset; returns the internal participant ids in dataset order. Run it inside a transaction for speed. */
export function loadSyntheticStudy(db: Db, keys: IdentifierKeys, dataset: TrialDataset, options: SyntheticStudyOptions = {}): number[] {
  const now = new Date().toISOString();
  const start = options.startDate ?? '2024-01-08';
  const spread = options.spreadDays ?? 365;
  const n = dataset.participants.length;
  const byPid = <T extends { pid: string }>(rows: T[]) => {
    const map = new Map<string, T[]>();
    for (const row of rows) (map.get(row.pid) ?? map.set(row.pid, []).get(row.pid)!).push(row);
    return map;
  };
  const assessments = byPid(dataset.assessments);
  const services = byPid(dataset.serviceUse);
  const episodes = byPid(dataset.employment);
  const logs = byPid(dataset.timelogs);
  const coaches = new Map<string, number>();
  const ids: number[] = [];
  dataset.participants.forEach((p, i) => {
    const siteId = ensureSite(db, p.site, now);
    if (!coaches.has(p.site)) {
      coaches.set(p.site, insertUser(db, { email: `coach.${p.site.toLowerCase()}.${Date.now()}@example.invalid`, displayName: `Synthetic coach ${p.site}`, role: 'coach', passwordHash: unmatchableHash(), now }));
    }
    const coachId = coaches.get(p.site)!;
    const randomizedOn = addDays(start, Math.floor((i * spread) / Math.max(1, n)));
    const referralDate = addDays(randomizedOn, -10);
    const sequence = sql.maxSiteSequence(db, siteId) + 1;
    const { identity, personnummer } = syntheticIdentity(i + (options.identityOffset ?? 0));
    const referral = { referral_source: 'psychiatry', referral_date: referralDate, on_waiting_list: false, referral_source_other: identity.person_name };
    const id = sql.insertSyntheticParticipant(db, { studyId: studyIdFor(p.site, sequence), siteId, sequence, referralDate, referralJson: JSON.stringify(referral), coachId: p.arm === 'ips' ? coachId : null, now });
    ids.push(id);
    storeIdentifiers(db, keys, id, identity, checkNationalId('SE', personnummer, now.slice(0, 10)), now);
    sql.insertSyntheticScreeningAndConsent(db, id, JSON.stringify({ screening_date: addDays(randomizedOn, -5), eligible: true, not_eligible_other: identity.person_phone }), JSON.stringify({ consent_date: addDays(randomizedOn, -3) }), addDays(randomizedOn, -3), now);
    sql.insertSyntheticAllocation(db, id, p.arm, p.site, sql.maxStratumPosition(db, p.site) + 1, randomizedOn, now);
    const age = p.age_band ? AGE_OF_BAND[p.age_band] : undefined;
    const baseline = { ...(p.sex ? { sex: p.sex } : {}), ...(age !== undefined ? { birth_year: Number(randomizedOn.slice(0, 4)) - age } : {}), municipality: MUNICIPALITIES[(i * 7) % MUNICIPALITIES.length] };
    sql.insertSyntheticResponse(db, { uuid: randomUUID(), participantId: id, timepoint: 0, form: 'baseline', answersJson: JSON.stringify(baseline), complete: 1, at: `${addDays(randomizedOn, -1)}T10:00:00.000Z` });
    const su = new Map<number, Map<string, number>>();
    for (const s of services.get(p.pid) ?? []) (su.get(s.timepoint) ?? su.set(s.timepoint, new Map()).get(s.timepoint)!).set(s.item, s.quantity);
    for (const a of assessments.get(p.pid) ?? []) {
      const at = `${addDays(randomizedOn, a.day ?? a.timepoint * 30)}T10:00:00.000Z`;
      for (const r of assessmentResponses(a, su.get(a.timepoint))) {
        sql.insertSyntheticResponse(db, { uuid: randomUUID(), participantId: id, timepoint: a.timepoint, form: r.form, answersJson: JSON.stringify(r.answers), complete: r.complete, at });
      }
    }
    const statuses: [number, string, string | null][] = [[14, 'job_search', null]];
    for (const e of episodes.get(p.pid) ?? []) {
      const end = e.end_day === null ? null : addDays(randomizedOn, e.end_day);
      sql.insertSyntheticEpisode(db, { participantId: id, type: e.type, start: addDays(randomizedOn, e.start_day), end, answersJson: JSON.stringify({ hours_per_week: e.hours_per_week, employer_note: identity.person_name }), now });
      const stage = e.type === 'competitive' ? 'employed' : e.type === 'education' ? 'studying' : e.type === 'work_trial' ? 'work_trial' : null;
      if (stage) statuses.push([e.start_day, stage, null]);
    }
    for (const t of logs.get(p.pid) ?? []) {
      sql.insertSyntheticTimeLog(db, { staffId: coachId, siteId, participantId: id, date: addDays(randomizedOn, t.day), role: t.role, activity: t.activity, minutes: t.minutes, now });
    }
    if (p.withdrawn_day !== null) {
      const date = addDays(randomizedOn, p.withdrawn_day);
      sql.insertSyntheticWithdrawal(db, id, date, options.withdrawalDataUse ?? 'collected_and_registers', JSON.stringify({ withdrawal_note: `${identity.person_name} ringde` }), now);
      statuses.push([p.withdrawn_day, 'ended', 'own_request']);
    }
    statuses.sort((a, b) => a[0] - b[0]);
    for (const [day, stage, reason] of statuses) sql.insertSyntheticStatus(db, id, addDays(randomizedOn, day), stage, reason, JSON.stringify({ ended_reason_other: reason ? identity.person_name : undefined }), now);
  });
  if (options.storeSettings ?? true) {
    setSetting(db, UNIT_COSTS_SETTING, JSON.stringify(Object.fromEntries(dataset.unitCosts.map((u) => [u.item, u.unit_cost]))), now);
    if (dataset.settings) {
      const { valueSet: _v, instrument: _i, ...rest } = dataset.settings as Record<string, unknown>;
      setSetting(db, ANALYSIS_SETTINGS_SETTING, JSON.stringify(rest), now);
    }
  }
  return ids;
}
