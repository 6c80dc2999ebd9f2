/**
 * The study's unit-cost table (app setting "unit_costs"): per cost item the
 * unit cost (SEK), its price year and its source. Until an admin changes
 * anything the export uses the documented default table
 * (export/default-unit-costs.ts); the first change stores the whole table,
 * defaults included, so every row keeps its price year and source. A change
 * of a row that exists needs a reason; each change is audited with the row
 * before and after. Older databases stored item → cost only: such rows read
 * with no price year and no source. The export reads the costs through
 * export-settings.ts `studyUnitCosts`.
 */
import type { Db } from '../db/connection';
import { getSetting, setSetting } from '../db/queries/app-settings';
import { inTransaction } from '../db/transaction';
import { problems, type FieldProblem } from '../errors';
import { DEFAULT_UNIT_COSTS } from '../export/default-unit-costs';
import { UNIT_COSTS_SETTING } from '../export/export-settings';
import { recordAudit, requireReasonForChange, type AuditActor } from './audit';

export interface UnitCost {
  item: string;
  unit_cost: number;
  price_year: number | null;
  source: string | null;
}

export interface UnitCostTable {
  /** 'default': the documented table, nothing changed yet; 'study': the study's own */
  origin: 'default' | 'study';
  costs: UnitCost[];
}

type Stored = Record<string, number | { unit_cost: number; price_year: number | null; source: string | null }>;

export const ITEM_PATTERN = /^[a-z][a-z0-9_]*(:[a-z0-9_]+)?$/;

export function getUnitCosts(db: Db): UnitCostTable {
  const stored = getSetting(db, UNIT_COSTS_SETTING);
  if (!stored) return { origin: 'default', costs: DEFAULT_UNIT_COSTS.map((d) => ({ item: d.item, unit_cost: d.unit_cost, price_year: d.price_year, source: d.note })) };
  const table = JSON.parse(stored) as Stored;
  return {
    origin: 'study',
    costs: Object.entries(table).map(([item, v]) => (typeof v === 'number' ? { item, unit_cost: v, price_year: null, source: null } : { item, ...v })),
  };
}

function check(item: string, input: { unit_cost: number; price_year: number; source: string }, thisYear: number): FieldProblem[] {
  const errors: FieldProblem[] = [];
  if (!ITEM_PATTERN.test(item)) errors.push({ field: 'item', message: `item '${item.slice(0, 60)}' must be lower-case letters, digits and _ (optionally ':' and a subtype), e.g. inpatient_day` });
  if (!Number.isFinite(input.unit_cost) || input.unit_cost < 0) errors.push({ field: 'unit_cost', message: 'unit_cost must be a number ≥ 0' });
  if (!Number.isInteger(input.price_year) || input.price_year < 1990 || input.price_year > thisYear) errors.push({ field: 'price_year', message: `price_year must be a year from 1990 to ${thisYear}` });
  if (!input.source.trim()) errors.push({ field: 'source', message: 'source is required' });
  return errors;
}

/** Sets (adds or changes) one row; a change of an existing row needs a reason. */
export function setUnitCost(db: Db, actor: AuditActor, item: string, input: { unit_cost: number; price_year: number; source: string; reason?: string | null }): UnitCostTable {
  const errors = check(item, input, new Date().getUTCFullYear());
  if (errors.length) throw problems.invalidBody(errors);
  return inTransaction(db, () => {
    const table = getUnitCosts(db);
    const before = table.costs.find((c) => c.item === item) ?? null;
    const after: UnitCost = { item, unit_cost: input.unit_cost, price_year: input.price_year, source: input.source.trim() };
    if (before && JSON.stringify(before) === JSON.stringify(after)) return table;
    const reason = requireReasonForChange(before, input.reason);
    const costs = before ? table.costs.map((c) => (c.item === item ? after : c)) : [...table.costs, after];
    const stored: Stored = Object.fromEntries(costs.map((c) => [c.item, { unit_cost: c.unit_cost, price_year: c.price_year, source: c.source }]));
    setSetting(db, UNIT_COSTS_SETTING, JSON.stringify(stored), new Date().toISOString());
    recordAudit(db, { actor, action: before ? 'update' : 'create', entity: 'unit_cost', entityId: item, before, after, reason });
    return getUnitCosts(db);
  });
}
