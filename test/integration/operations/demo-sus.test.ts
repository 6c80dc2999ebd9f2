/**
 * The demo study's SUS registrations: a coordinator finds this month's
 * leavers and the due registrations, gets their SUS sheets, and the SUS
 * follow-up report for the last half year counts what a hand count of the
 * registration rows gives.
 */
import { parse } from 'csv-parse/sync';
import request from 'supertest';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app';
import type { Db } from '../../../server/db/connection';
import { openMigratedDatabase } from '../../../server/db/open';
import { DEMO_PASSWORD, seedDemo } from '../../../server/demo/index';
import { silentLogger } from '../../../server/log';
import { defaultPeriod } from '../../../server/services/funder-reports';
import { hashPassword } from '../../../server/services/passwords';
import { makeTempDir, testConfig } from '../server-core/harness';

describe('demo study: SUS', () => {
  let dir: string;
  let db: Db;
  let manager: ReturnType<typeof request.agent>;

  beforeAll(async () => {
    dir = makeTempDir();
    const config = testConfig(dir);
    db = openMigratedDatabase(config.dbFile);
    seedDemo(db, config, silentLogger(), await hashPassword(DEMO_PASSWORD, config.passwordCost));
    const app = createApp(config, db, silentLogger());
    manager = request.agent(app);
    expect((await manager.post('/api/session').send({ email: 'manager@demo.ips-trial.invalid', password: DEMO_PASSWORD })).status).toBe(201);
  }, 120_000);
  afterAll(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("lists this month's starters and leavers and the due registrations, and gives their SUS sheets", async () => {
    const list = (await manager.get('/api/sus/worklist')).body;
    expect(list.leavers.length).toBeGreaterThanOrEqual(2);
    expect(list.starters.length).toBeGreaterThanOrEqual(1);
    expect(list.leavers.map((l: { end: string }) => l.end)).toEqual(expect.arrayContaining(['missing', 'not_entered']));
    expect(list.due.filter((d: { start: string }) => d.start === 'missing').length).toBe(3);
    const ids = [...list.leavers, ...list.starters].map((l: { studyId: string }) => l.studyId);
    const sheets = (await manager.get(`/api/sus/sheets?participants=${ids.join(',')}`)).body.sheets;
    expect(sheets.map((s: { studyId: string }) => s.studyId)).toEqual(ids);
  });

  it('counts in the half-year SUS follow-up report what the registration rows give by hand', async () => {
    const { from, to } = defaultPeriod();
    const res = await manager.get(`/api/reports/sus?from=${from}&to=${to}&format=csv`);
    expect(res.status).toBe(200);
    const rows = parse(res.text, { columns: true }) as Record<string, string>[];
    const value = (section: string, category: string) => rows.find((r) => r.group === 'total' && r.section === section && r.category === category)?.value;
    const hand = db.prepare(`
      SELECT
        sum(s.registration_date <= @to AND (e.registration_date IS NULL OR e.registration_date > @to OR e.registration_date >= @from)) AS in_period,
        sum(s.registration_date BETWEEN @from AND @to) AS started,
        sum(e.registration_date BETWEEN @from AND @to AND s.registration_date <= @to) AS ended,
        sum(e.registration_date BETWEEN @from AND @to AND s.registration_date <= @to AND s.consent = 1) AS leavers
      FROM sus_registrations s LEFT JOIN sus_registrations e ON e.participant_id = s.participant_id AND e.kind = 'end'
      WHERE s.kind = 'start'`).get({ from, to }) as Record<string, number>;
    expect(hand.in_period).toBeGreaterThan(20);
    expect(hand.leavers).toBeGreaterThan(5);
    expect(Number(value('sus_participants', 'in_period'))).toBe(hand.in_period);
    expect(Number(value('sus_participants', 'started'))).toBe(hand.started);
    expect(Number(value('sus_participants', 'ended'))).toBe(hand.ended);
    expect(Number(value('sus_participants', 'leavers_with_consent'))).toBe(hand.leavers);
    expect(Number(value('sus_days_in_intervention', 'n'))).toBe(hand.leavers);
  });
});
