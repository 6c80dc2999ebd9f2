/**
 * The study's unit costs through the real API: the default table with price
 * year and source until an admin changes a row; a change needs a reason and
 * is audited with the row before and after; bad input names the field and
 * changes nothing; the export reads the new cost.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAuditEntries } from '../../../server/db/queries/audit-entries';
import { getSetting } from '../../../server/db/queries/app-settings';
import { studyUnitCosts } from '../../../server/export/export-settings';
import { createTestServer, type TestServer } from './harness';

interface Row { item: string; unit_cost: number; price_year: number | null; source: string | null }

describe('server core: unit costs', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer();
  });
  afterAll(() => server?.close());

  it('shows the default table with price year and source to admins, trial managers and evaluators only', async () => {
    const answer = (await server.as('evaluator').get('/api/unit-costs')).body as { origin: string; costs: Row[] };
    expect(answer.origin).toBe('default');
    expect(answer.costs.find((c) => c.item === 'inpatient_day')).toEqual({ item: 'inpatient_day', unit_cost: 9300, price_year: 2022, source: 'SE4 payment per bed-day, discharge-ready patients (PROXY)' });
    expect((await server.as('coach').get('/api/unit-costs')).status).toBe(403);
    expect((await server.as('trial_manager').send('PUT', '/api/unit-costs/inpatient_day', { unit_cost: 1, price_year: 2024, source: 'x', reason: 'x' })).status).toBe(403);
  });

  it('refuses bad input naming the field, and changes nothing', async () => {
    const admin = server.as('admin');
    const cases: [string, Record<string, unknown>, string][] = [
      ['inpatient_day', { unit_cost: -5, price_year: 2024, source: 'SE4' }, 'unit_cost'],
      ['inpatient_day', { unit_cost: 9000, price_year: 1850, source: 'SE4' }, 'price_year'],
      ['inpatient_day', { unit_cost: 9000, price_year: new Date().getUTCFullYear() + 1, source: 'SE4', reason: 'future' }, 'price_year'],
      ['inpatient_day', { unit_cost: 9000, price_year: 2024, source: '   ', reason: 'blank source' }, 'source'],
      ['Inpatient Day', { unit_cost: 9000, price_year: 2024, source: 'SE4' }, 'item'],
      ['inpatient_day', { unit_cost: 9000, price_year: 2024, source: 'SE4' }, 'reason'],
    ];
    for (const [item, body, field] of cases) {
      const res = await admin.send('PUT', `/api/unit-costs/${encodeURIComponent(item)}`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.fields.map((f: { field: string }) => f.field), JSON.stringify(body)).toContain(field);
    }
    expect(getSetting(server.db, 'unit_costs')).toBeUndefined();
    expect(findAuditEntries(server.db, { entity: 'unit_cost' }, 10, 0)).toEqual([]);
  });

  it('changes a row with a reason, keeps the other rows with their price years and sources, and the export uses it', async () => {
    const admin = server.as('admin');
    const changed = await admin.send('PUT', '/api/unit-costs/inpatient_day', { unit_cost: 9850, price_year: 2024, source: 'Socialstyrelsen 2024', reason: 'newer price list' });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body.origin).toBe('study');
    const costs = changed.body.costs as Row[];
    expect(costs.find((c) => c.item === 'inpatient_day')).toEqual({ item: 'inpatient_day', unit_cost: 9850, price_year: 2024, source: 'Socialstyrelsen 2024' });
    expect(costs.find((c) => c.item === 'gp_visit')).toEqual({ item: 'gp_visit', unit_cost: 2093, price_year: 2024, source: 'SE2 primary-care physician visit (SOURCE)' });
    expect(costs).toHaveLength(14);
    const entry = findAuditEntries(server.db, { entity: 'unit_cost', entityId: 'inpatient_day' }, 5, 0)[0];
    expect(entry.action).toBe('update');
    expect(entry.reason).toBe('newer price list');
    expect(JSON.parse(entry.before_json!)).toMatchObject({ unit_cost: 9300, price_year: 2022 });
    expect(JSON.parse(entry.after_json!)).toMatchObject({ unit_cost: 9850, price_year: 2024 });
    // a new item needs no reason
    const added = await admin.send('PUT', '/api/unit-costs/peer_support_hour', { unit_cost: 410, price_year: 2024, source: 'Synthetic municipality price list 2024' });
    expect(added.status).toBe(200);
    expect(findAuditEntries(server.db, { entity: 'unit_cost', entityId: 'peer_support_hour' }, 5, 0)[0].action).toBe('create');
    const exported = studyUnitCosts(server.db);
    expect(exported.source).toBe('study');
    expect(exported.rows).toContainEqual({ item: 'inpatient_day', unit_cost: 9850 });
    expect(exported.rows).toContainEqual({ item: 'peer_support_hour', unit_cost: 410 });
  });
});
