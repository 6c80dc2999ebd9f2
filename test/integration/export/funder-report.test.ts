import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quantileSorted } from '../../../analysis/stats/quantile-sorted';
import { DANISH_MUNICIPALITIES, SWEDISH_MUNICIPALITIES, findMunicipality } from '../../../data-dictionary/municipalities';
import { createTestServer, type TestServer } from '../server-core/harness';
import { describePermissionMatrix } from '../server-core/permission-matrix';
import { makeStudy } from './study';

const FROM = '2024-07-01';
const TO = '2025-06-30';

describe('funder report', () => {
  let server: TestServer;
  let rows: Record<string, string>[];
  const value = (group: string, section: string, category: string) => rows.find((r) => r.group === group && r.section === section && r.category === category)?.value;
  beforeAll(async () => {
    server = await createTestServer();
    await makeStudy(server, 140, 9);
    const res = await server.as('trial_manager').get(`/api/reports/funder?from=${FROM}&to=${TO}&format=csv`);
    expect(res.status, res.text).toBe(200);
    rows = parse(res.text, { columns: true }) as Record<string, string>[];
  }, 60_000);
  afterAll(() => server?.close());

  it('counts the IPS participants included by the end of the period, in total and per site', () => {
    const expected = server.db.prepare("SELECT count(*) AS n FROM allocations WHERE arm = 'ips' AND randomized_on <= ?").get(TO) as { n: number };
    expect(Number(value('total', 'participants', 'included'))).toBe(expected.n);
    const sites = [...new Set(rows.filter((r) => r.section === 'participants' && r.group !== 'total').map((r) => r.group))];
    expect(sites.length).toBeGreaterThan(1);
    expect(sites.reduce((a, s) => a + Number(value(s, 'participants', 'included')), 0)).toBe(expected.n);
  });

  it('never shows a count from 1 to 4 in the status, sex and municipality tables', () => {
    const cells = rows.filter((r) => ['status', 'sex', 'municipality'].includes(r.section));
    expect(cells.length).toBeGreaterThan(20);
    for (const c of cells) expect(c.value === '<5' || Number(c.value) === 0 || Number(c.value) >= 5, `${c.group} ${c.section} ${c.category} = ${c.value}`).toBe(true);
    expect(cells.some((c) => c.value === '<5')).toBe(true);
  });

  it('prints a municipality name only with a count of at least 5: a withheld cell never names one, and the counts add up', () => {
    const names = new Set([...SWEDISH_MUNICIPALITIES, ...DANISH_MUNICIPALITIES].map((m) => m.name));
    const cells = rows.filter((r) => r.section === 'municipality');
    expect(cells.some((c) => names.has(c.label))).toBe(true);
    for (const c of cells) {
      if (c.value === '<5') {
        expect(names.has(c.label), `${c.group}: withheld cell ${c.label}`).toBe(false);
        expect(findMunicipality(c.category), `${c.group}: withheld cell ${c.category}`).toBeUndefined();
      }
      if (findMunicipality(c.category)) expect(Number(c.value), `${c.group} ${c.label}`).toBeGreaterThanOrEqual(5);
    }
    // where nothing is withheld, the municipality table adds up to the participants
    for (const group of new Set(cells.map((c) => c.group))) {
      const mine = cells.filter((c) => c.group === group);
      if (mine.every((c) => c.value !== '<5')) expect(mine.reduce((n, c) => n + Number(c.value), 0), group).toBe(Number(value(group, 'participants', 'included')));
    }
  });

  it('gives the median days from inclusion to the first employer contact as an independent count from the time logs', () => {
    const days = (server.db.prepare(`
      SELECT julianday(min(t.log_date)) - julianday(a.randomized_on) AS d FROM allocations a JOIN time_logs t ON t.participant_id = a.participant_id
      WHERE a.arm = 'ips' AND a.randomized_on <= @to AND t.activity = 'employer_contact' AND t.log_date <= @to GROUP BY a.participant_id`).all({ to: TO }) as { d: number }[])
      .map((r) => r.d).sort((a, b) => a - b);
    expect(days.length).toBeGreaterThan(10);
    expect(Number(value('total', 'days_to_first_employer_contact', 'n'))).toBe(days.length);
    expect(Number(value('total', 'days_to_first_employer_contact', 'median'))).toBeCloseTo(quantileSorted(days, 0.5), 9);
  });

  it('reports every target with its source', () => {
    const targets = rows.filter((r) => r.group === 'total' && r.section === 'target');
    expect(targets.map((t) => t.category)).toEqual(['employed_2y', 'studies_2y', 'work_or_studies_now', 'work_or_education_18m']);
    expect(rows.find((r) => r.section === 'target_denominator' && r.category === 'work_or_education_18m')?.label).toContain('Projekt Inklusion');
  });

  it('renders HTML with inline SVG charts and no identifier', async () => {
    const res = await server.as('evaluator').get(`/api/reports/funder?from=${FROM}&to=${TO}`);
    expect(res.status).toBe(200);
    expect(res.text.match(/<svg/g)?.length).toBeGreaterThanOrEqual(2);
    expect(res.text).not.toMatch(/Testperson|Testgatan|\d{8}-\d{4}/);
    expect(server.db.prepare("SELECT count(*) AS n FROM audit_entries WHERE entity = 'funder_report'").get()).toEqual({ n: 2 });
  });

  it('refuses a bad period naming the parameter', async () => {
    const res = await server.as('admin').get('/api/reports/funder?from=2025-13-01&to=2025-01-01&site=NOPE&format=pdf');
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['format', 'from', 'site']);
    const reversed = await server.as('admin').get('/api/reports/funder?from=2025-06-01&to=2025-01-01');
    expect(reversed.body.error.fields[0]).toMatchObject({ field: 'from' });
  });
});

describePermissionMatrix('funder report', [
  { method: 'GET', path: '/api/reports/funder?from=2025-01-01&to=2025-06-30&format=csv', allow: ['trial_manager', 'admin', 'evaluator'] },
]);
