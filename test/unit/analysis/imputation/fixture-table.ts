/**
 * Reads an imputation fixture (test/fixtures/imputation/*.csv, made by
 * make-fixtures.ts) into the core's participant-table records.
 */
import { readFileSync } from 'node:fs';
import type { Arm } from '../../../../analysis/dataset/types';
import { qalys } from '../../../../analysis/outcomes/qalys';
import type { ParticipantRecord } from '../../../../analysis/participant-table';

export const DISCOUNT_RATE = 0.03;

export function fixtureTable(name: string): ParticipantRecord[] {
  const [header, ...lines] = readFileSync(new URL(`../../../fixtures/imputation/${name}`, import.meta.url), 'utf8').trim().split('\n');
  const columns = header.split(',');
  return lines.map((line) => {
    const cells = line.split(',');
    const text = (name: string) => cells[columns.indexOf(name)];
    const value = (name: string) => (text(name) === '' ? null : Number(text(name)));
    const u = ['u0', 'u6', 'u12', 'u18', 'u24'].map(value);
    const serviceUseCost = ['su_cost_6', 'su_cost_12', 'su_cost_18', 'su_cost_24'].map(value);
    const staffCost: [number, number] = [value('staff_y1') as number, value('staff_y2') as number];
    const d = 1 / (1 + DISCOUNT_RATE);
    const [c6, c12, c18, c24] = serviceUseCost.map((c) => c ?? 0);
    return {
      pid: text('pid'),
      arm: text('arm') as Arm,
      site: text('site'),
      sex: text('sex') || null,
      age_band: text('age_band') || null,
      withdrawnDay: null,
      u,
      qaly: qalys(u, DISCOUNT_RATE),
      suComplete: [value('su_cost_0'), ...serviceUseCost].map((c) => c !== null),
      serviceUseCost,
      baselineCost: value('su_cost_0'),
      staffCost,
      cost: c6 + c12 + staffCost[0] + d * (c18 + c24 + staffCost[1]),
      costByCategory: new Map(),
      employmentDays: value('employment_days') as number,
      firstEmploymentDay: null,
    };
  });
}
