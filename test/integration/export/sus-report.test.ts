/**
 * SUS registrations, the SUS worklist and sheets, and the SUS follow-up
 * report (alone and inside the funder report). The report's counts are
 * checked against counts computed here, independently, from the
 * registrations this test sends and the baseline rows of the database.
 */
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quantileSorted } from '../../../analysis/stats/quantile-sorted';
import { buildSusReport } from '../../../server/funder-report/build-funder-report';
import { addDays } from '../../../server/export/synthetic-study';
import { createTestServer, type TestServer } from '../server-core/harness';
import { describePermissionMatrix } from '../server-core/permission-matrix';
import { makeStudy } from './study';

const FROM = '2025-01-01';
const TO = '2025-06-30';
const SUPPORT = ['unemployment_benefit', 'activity_support', 'sickness_benefit', 'activity_compensation', 'sickness_compensation', 'social_assistance', 'other_support', 'no_support'];
const REASONS = ['completed', 'work_or_studies', 'other_intervention', 'illness', 'own_decision', 'moved', 'no_contact', 'other_reason'];
const EDUCATION = ['compulsory_short', 'compulsory', 'upper_secondary', 'post_secondary_short', 'post_secondary_long', 'not_known'];
const SUPPORT_TIME = ['none', 'under_1_year', 'years_1_2', 'years_3_5', 'over_5_years'];

interface Sent {
  id: number;
  studyId: string;
  site: string;
  sex: string | null;
  birthYear: number | null;
  start: Record<string, unknown>;
  end: Record<string, unknown> | null;
}

const daysBetween = (a: string, b: string) => (Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000;
const ageGroup = (birthYear: number | null, date: string) => {
  if (birthYear === null) return 'missing';
  const age = Number(date.slice(0, 4)) - birthYear;
  return age <= 19 ? '16-19' : age <= 24 ? '20-24' : age <= 29 ? '25-29' : age <= 39 ? '30-39' : age <= 49 ? '40-49' : age <= 59 ? '50-59' : '60+';
};

/** The report, counted by hand from what was sent: group → section → category → count (before/after: [before, after]). */
function expectedCounts(sent: Sent[], group: string) {
  const rows = sent.filter((s) => group === 'total' || s.site === group);
  const startOf = (s: Sent) => String(s.start.sus_start_date);
  const endOf = (s: Sent) => (s.end && String(s.end.sus_end_date) <= TO ? String(s.end.sus_end_date) : null);
  const inPeriod = rows.filter((s) => startOf(s) <= TO && (endOf(s) === null || endOf(s)! >= FROM));
  const counted = new Map<string, number>();
  const add = (key: string) => counted.set(key, (counted.get(key) ?? 0) + 1);
  for (const s of inPeriod) {
    const consent = s.start.sus_consent === true;
    add(`sus_registration:${consent ? 'with_consent' : 'anonymous'}`);
    add(`${consent ? 'sus_sex' : 'sus_anonymous_sex'}:${s.sex ?? 'missing'}`);
    add(`${consent ? 'sus_age_group' : 'sus_anonymous_age_group'}:${ageGroup(s.birthYear, startOf(s))}`);
  }
  const leavers = rows.filter((s) => startOf(s) <= TO && endOf(s) !== null && endOf(s)! >= FROM && s.start.sus_consent === true);
  const before = new Map<string, number>();
  const after = new Map<string, number>();
  const addTo = (m: Map<string, number>, key: string) => m.set(key, (m.get(key) ?? 0) + 1);
  for (const s of leavers) {
    const occupation = (work: unknown, study: unknown, m: Map<string, number>) => {
      if (work === undefined || study === undefined) return addTo(m, 'sus_occupation_before_after:not_recorded');
      if ((work as number) > 0) addTo(m, 'sus_occupation_before_after:work');
      if ((study as number) > 0) addTo(m, 'sus_occupation_before_after:studies');
      addTo(m, `sus_occupation_before_after:${(work as number) > 0 || (study as number) > 0 ? 'work_or_studies' : 'neither'}`);
    };
    occupation(s.start.sus_work_before_pct, s.start.sus_study_before_pct, before);
    occupation(s.end!.sus_work_after_pct, s.end!.sus_study_after_pct, after);
    for (const c of (s.start.sus_support_before as string[] | undefined) ?? ['not_recorded']) addTo(before, `sus_support_before_after:${c}`);
    for (const c of (s.end!.sus_support_after as string[] | undefined) ?? ['not_recorded']) addTo(after, `sus_support_before_after:${c}`);
    add(`sus_end_reason:${(s.end!.sus_end_reason as string | undefined) ?? 'not_recorded'}`);
  }
  const days = leavers.map((s) => daysBetween(startOf(s), endOf(s)!)).sort((a, b) => a - b);
  for (const d of days) add(`sus_time_band:${d < 91 ? 'under_3m' : d < 183 ? '3_6m' : d < 365 ? '6_12m' : d < 730 ? '12_24m' : '24m_plus'}`);
  return {
    participants: inPeriod.length,
    started: rows.filter((s) => startOf(s) >= FROM && startOf(s) <= TO).length,
    ended: rows.filter((s) => startOf(s) <= TO && endOf(s) !== null && endOf(s)! >= FROM).length,
    leavers: leavers.length,
    counted, before, after, days,
  };
}

describe('SUS registrations and the SUS follow-up report', () => {
  let server: TestServer;
  const sent: Sent[] = [];
  let control: string;

  beforeAll(async () => {
    server = await createTestServer();
    await makeStudy(server, 150, 11);
    const people = server.db.prepare(`
      SELECT p.id, p.study_id, s.code AS site, a.arm, a.randomized_on,
        json_extract(r.answers_json, '$.sex') AS sex, json_extract(r.answers_json, '$.birth_year') AS birth_year
      FROM allocations a JOIN participants p ON p.id = a.participant_id JOIN sites s ON s.id = p.site_id
      LEFT JOIN responses r ON r.participant_id = p.id AND r.form = 'baseline' AND r.complete = 1 ORDER BY p.id`).all() as { id: number; study_id: string; site: string; arm: string; randomized_on: string; sex: string | null; birth_year: number | null }[];
    control = people.find((p) => p.arm === 'control')!.study_id;
    const ips = people.filter((p) => p.arm === 'ips' && p.randomized_on < '2025-06-01'); // the synthetic cohort, not today's API participant
    for (const [i, p] of ips.entries()) {
      if (i % 11 === 10) continue; // never registered: due on the worklist, not in the report
      const consent = i % 4 !== 0;
      const startDate = addDays(p.randomized_on, i % 20);
      const start: Record<string, unknown> = { sus_start_date: startDate, sus_consent: consent };
      if (consent) {
        Object.assign(start, {
          sus_support_before: i % 5 === 0 ? [SUPPORT[i % 6], 'social_assistance'].filter((v, j, a) => a.indexOf(v) === j) : i % 9 === 0 ? ['no_support'] : [SUPPORT[i % 7]],
          sus_work_before_pct: i % 6 === 0 ? 25 : 0,
          sus_study_before_pct: i % 8 === 0 ? 50 : 0,
          sus_education_level: EDUCATION[i % 6],
          ...(i % 13 === 1 ? {} : { sus_support_time: SUPPORT_TIME[i % 5] }),
        });
      }
      const res = await server.as('coach').send('PUT', `/api/participants/${p.study_id}/sus/start`, { registration: start });
      // the coach works at TST-A only; others are registered by the trial manager
      const ok = res.status === 200 ? res : await server.as('trial_manager').send('PUT', `/api/participants/${p.study_id}/sus/start`, { registration: start });
      expect(ok.status, JSON.stringify(ok.body)).toBe(200);
      let end: Record<string, unknown> | null = null;
      if (i % 3 !== 2) {
        const work = i % 4 === 1 ? [50, 100][i % 2] : 0;
        end = { sus_end_date: addDays(startDate, 60 + ((i * 37) % 500)) };
        if (consent) {
          Object.assign(end, {
            sus_end_reason: REASONS[i % 8],
            sus_work_after_pct: work,
            ...(work > 0 ? { sus_work_subsidised: i % 3 === 0 } : {}),
            sus_study_after_pct: i % 7 === 0 ? 25 : 0,
            ...(i % 17 === 3 ? {} : { sus_support_after: work === 100 ? ['no_support'] : [SUPPORT[(i * 3) % 7]] }),
          });
        }
        const r = await server.as('trial_manager').send('PUT', `/api/participants/${p.study_id}/sus/end`, { registration: end });
        expect(r.status, JSON.stringify(r.body)).toBe(200);
      }
      sent.push({ id: p.id, studyId: p.study_id, site: p.site, sex: p.sex, birthYear: p.birth_year, start, end });
    }
  }, 120_000);
  afterAll(() => server?.close());

  it('counts, in total and per site, what was counted by hand from the registrations (no suppression)', () => {
    const report = buildSusReport(server.db, { from: FROM, to: TO, site: null }, 1);
    expect(report.groups.map((g) => g.group)).toEqual(['total', ...[...new Set(sent.map((s) => s.site))].sort()]);
    for (const g of report.groups) {
      const e = expectedCounts(sent, g.group);
      expect([g.participants, g.started, g.ended, g.leavers], g.group).toEqual([e.participants, e.started, e.ended, e.leavers]);
      const tables = { sus_registration: g.registration, sus_sex: g.bySex, sus_age_group: g.byAgeGroup, sus_anonymous_sex: g.anonymousBySex, sus_anonymous_age_group: g.anonymousByAgeGroup, sus_end_reason: g.endReasons, sus_time_band: g.timeBands };
      for (const [section, cells] of Object.entries(tables)) {
        for (const c of cells) expect(c.count, `${g.group} ${section} ${c.category}`).toBe(e.counted.get(`${section}:${c.category}`) ?? 0);
      }
      for (const [section, table] of [['sus_occupation_before_after', g.occupation], ['sus_support_before_after', g.support]] as const) {
        for (const c of table.before) expect(c.count, `${g.group} ${section} before ${c.category}`).toBe(e.before.get(`${section}:${c.category}`) ?? 0);
        for (const c of table.after) expect(c.count, `${g.group} ${section} after ${c.category}`).toBe(e.after.get(`${section}:${c.category}`) ?? 0);
      }
      expect(g.timeInIntervention.n).toBe(e.days.length);
      if (e.days.length) expect(g.timeInIntervention.median).toBeCloseTo(quantileSorted(e.days, 0.5), 9);
    }
    const total = expectedCounts(sent, 'total');
    expect(total.leavers).toBeGreaterThan(10);
    expect(total.counted.get('sus_registration:anonymous')).toBeGreaterThan(5);
  });

  it('shows the same numbers in the CSV, withholding counts from 1 to 4 (and one more when only one would be)', async () => {
    const res = await server.as('trial_manager').get(`/api/reports/sus?from=${FROM}&to=${TO}&format=csv`);
    expect(res.status, res.text).toBe(200);
    const rows = parse(res.text, { columns: true }) as Record<string, string>[];
    const tableSections = ['sus_registration', 'sus_sex', 'sus_age_group', 'sus_anonymous_sex', 'sus_anonymous_age_group', 'sus_end_reason', 'sus_time_band'];
    const cells = rows.filter((r) => tableSections.includes(r.section) || r.section.endsWith('before_after'));
    expect(cells.length).toBeGreaterThan(100);
    let withheld = 0;
    for (const c of cells) {
      for (const v of [c.value, ...(c.section.endsWith('before_after') ? [c.extra] : [])]) {
        expect(v === '<5' || Number(v) === 0 || Number(v) >= 5, `${c.group} ${c.section} ${c.category} = ${v}`).toBe(true);
        if (v === '<5') withheld++;
      }
    }
    expect(withheld).toBeGreaterThan(0);
    for (const group of ['total', ...new Set(sent.map((s) => s.site))]) {
      const e = expectedCounts(sent, group);
      const shown = (section: string, category: string) => rows.find((r) => r.group === group && r.section === section && r.category === category);
      expect(Number(shown('sus_participants', 'in_period')!.value)).toBe(e.participants);
      for (const c of cells.filter((r) => r.group === group && !r.section.endsWith('before_after') && r.value !== '<5')) {
        expect(Number(c.value), `${group} ${c.section} ${c.category}`).toBe(e.counted.get(`${c.section}:${c.category}`) ?? 0);
      }
      for (const c of cells.filter((r) => r.group === group && r.section.endsWith('before_after'))) {
        if (c.value !== '<5') expect(Number(c.value), `${group} ${c.section} before ${c.category}`).toBe(e.before.get(`${c.section}:${c.category}`) ?? 0);
        if (c.extra !== '<5') expect(Number(c.extra), `${group} ${c.section} after ${c.category}`).toBe(e.after.get(`${c.section}:${c.category}`) ?? 0);
      }
      // a withheld cell hides a small count or is the one withheld next to it (secondary suppression)
      const sex = cells.filter((r) => r.group === group && r.section === 'sus_sex');
      const hidden = sex.filter((r) => r.value === '<5').map((r) => e.counted.get(`sus_sex:${r.category}`) ?? 0);
      // one withheld cell alone only when no other cell has anyone to withhold with it
      expect(hidden.length !== 1 || sex.every((r) => r.value === '<5' || Number(r.value) === 0), `${group} sex`).toBe(true);
      expect(hidden.filter((n) => n < 5).length).toBeGreaterThanOrEqual(hidden.length ? 1 : 0);
    }
  });

  it('is part of the funder report for the period, in HTML and CSV, without identifiers', async () => {
    const csv = await server.as('evaluator').get(`/api/reports/funder?from=${FROM}&to=${TO}&format=csv`);
    const rows = parse(csv.text, { columns: true }) as Record<string, string>[];
    expect(Number(rows.find((r) => r.group === 'total' && r.section === 'sus_participants' && r.category === 'in_period')!.value)).toBe(expectedCounts(sent, 'total').participants);
    const html = await server.as('evaluator').get(`/api/reports/funder?from=${FROM}&to=${TO}`);
    expect(html.text).toContain('Follow-up as in SUS');
    expect(html.text).not.toMatch(/Testperson|Testgatan|\d{8}-\d{4}/);
  });

  it('gives a SUS sheet with the values in SUS order, the identity number only with consent and for a manager', async () => {
    const withConsent = sent.find((s) => s.start.sus_consent === true && s.end !== null)!;
    const anonymous = sent.find((s) => s.start.sus_consent === false)!;
    const res = await server.as('trial_manager').get(`/api/sus/sheets?participants=${withConsent.studyId},${anonymous.studyId}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const [a, b] = res.body.sheets;
    expect(a.studyId).toBe(withConsent.studyId);
    expect(a.start.entries.map((e: { field: string }) => e.field)).toEqual(['sus_start_date', 'sus_consent', 'sus_support_before', 'sus_work_before_pct', 'sus_study_before_pct', 'sus_education_level', 'sus_support_time']);
    expect(a.end.entries.map((e: { field: string }) => e.field)).toEqual(['sus_end_date', 'sus_end_reason', 'sus_work_after_pct', 'sus_work_subsidised', 'sus_study_after_pct', 'sus_support_after']);
    expect(a.start.entries[0].value).toBe(withConsent.start.sus_start_date);
    expect(a.nationalId).toMatchObject({ kind: 'SE', value: expect.stringMatching(/^\d{8}-\d{4}$/) });
    expect(b.nationalId).toBeNull();
    expect(b.ageGroup).toBe(ageGroup(anonymous.birthYear, String(anonymous.start.sus_start_date)));
    const coach = await server.as('coach').get(`/api/sus/sheets?participants=${withConsent.studyId}`);
    if (withConsent.site === 'TST-A') expect(coach.body.sheets[0].nationalId).toBeNull();
    else expect(coach.status).toBe(400);
    expect(server.db.prepare("SELECT count(*) AS n FROM audit_entries WHERE entity = 'sus_sheet'").get()).toMatchObject({ n: expect.any(Number) });
  });

  it('lists due, incomplete and not-entered registrations, and clears the entered mark on a correction', async () => {
    const tm = server.as('trial_manager');
    const month = String(sent[0].start.sus_start_date).slice(0, 7);
    const list = (await tm.get(`/api/sus/worklist?month=${month}`)).body;
    const never = list.due.filter((d: { start: string }) => d.start === 'missing');
    expect(never.length).toBeGreaterThan(0);
    expect(never.every((d: { studyId: string }) => !sent.some((s) => s.studyId === d.studyId))).toBe(true);
    const incomplete = sent.find((s) => s.start.sus_consent === true && s.start.sus_support_time === undefined)!;
    expect(list.due.find((d: { studyId: string }) => d.studyId === incomplete.studyId)).toMatchObject({ start: 'incomplete', startMissing: ['sus_support_time'] });
    expect(list.starters.map((d: { studyId: string }) => d.studyId).sort()).toEqual(sent.filter((s) => String(s.start.sus_start_date).startsWith(month)).map((s) => s.studyId).sort());
    const target = sent.find((s) => s.start.sus_consent === true && s.start.sus_support_time !== undefined && s.end === null)!;
    const entered = await tm.send('PUT', `/api/participants/${target.studyId}/sus/start/entered`, { entered_on: String(target.start.sus_start_date) });
    expect(entered.status, JSON.stringify(entered.body)).toBe(200);
    expect(entered.body.start.enteredOn).toBe(target.start.sus_start_date);
    const noReason = await tm.send('PUT', `/api/participants/${target.studyId}/sus/start`, { registration: { ...target.start, sus_work_before_pct: 50 } });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.code).toBe('reason_required');
    const corrected = await tm.send('PUT', `/api/participants/${target.studyId}/sus/start`, { registration: { ...target.start, sus_work_before_pct: 50 }, reason: 'Worked half time before the start (checked with the participant)' });
    expect(corrected.status).toBe(200);
    expect(corrected.body.start).toMatchObject({ enteredOn: null, answers: { sus_work_before_pct: 50 } });
    const audit = server.db.prepare("SELECT reason, before_json FROM audit_entries WHERE entity = 'sus_registration' AND entity_id = ? ORDER BY id DESC LIMIT 1").get(`${target.id}:start`) as { reason: string; before_json: string };
    expect(audit.reason).toContain('half time');
    expect(JSON.parse(audit.before_json).sus_work_before_pct).toBe(target.start.sus_work_before_pct);
  });

  it('refuses bad registrations naming the field, and stores nothing', async () => {
    const tm = server.as('trial_manager');
    const p = sent.find((s) => s.end !== null)!;
    const count = () => server.db.prepare('SELECT count(*) AS n, group_concat(answers_json) AS a FROM sus_registrations').get();
    const before = count();
    const toControl = await tm.send('PUT', `/api/participants/${control}/sus/start`, { registration: { sus_start_date: '2025-01-10', sus_consent: true } });
    expect(toControl.status).toBe(409);
    const mixed = await tm.send('PUT', `/api/participants/${p.studyId}/sus/start`, { registration: { ...p.start, sus_consent: true, sus_support_before: ['no_support', 'social_assistance'] }, reason: 'test' });
    expect(mixed.status).toBe(400);
    expect(mixed.body.error.fields[0].field).toBe('registration.sus_support_before');
    const early = await tm.send('PUT', `/api/participants/${p.studyId}/sus/end`, { registration: { ...p.end, sus_end_date: addDays(String(p.start.sus_start_date), -1) }, reason: 'test' });
    expect(early.status).toBe(400);
    expect(early.body.error).toMatchObject({ code: 'implausible_date', fields: [{ field: 'registration.sus_end_date', code: 'before_start' }] });
    const badPct = await tm.send('PUT', `/api/participants/${p.studyId}/sus/start`, { registration: { ...p.start, sus_work_before_pct: 140 }, reason: 'test' });
    expect(badPct.status).toBe(400);
    expect(badPct.body.error.fields[0].field).toBe('registration.sus_work_before_pct');
    const badMonth = await tm.get('/api/sus/worklist?month=2025-13');
    expect(badMonth.body.error.fields[0].field).toBe('month');
    expect(count()).toEqual(before);
  });
});

describePermissionMatrix('SUS', [
  { method: 'GET', path: '/api/sus/worklist', allow: ['trial_manager', 'admin', 'coach'] },
  { method: 'GET', path: '/api/reports/sus?from=2025-01-01&to=2025-06-30&format=csv', allow: ['trial_manager', 'admin', 'evaluator'] },
]);
