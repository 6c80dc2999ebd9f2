/**
 * A few corrections in the demo, as data management makes them after
 * checking the paper: two EQ-5D-5L answers corrected by the trial manager
 * (a baseline Mobility level keyed in wrong; a 6-month EQ VAS read again
 * from a paper form keyed in by staff) and one time log whose minutes the
 * coach corrects. Each goes through the same service as the API
 * (services/response-corrections.ts, coach-work.ts → record-corrections.ts):
 * the record holds the corrected value, the earlier one stays in its
 * correction history with who, when and why, and the audit trail has it.
 * Participants with a data query are left alone (their queries tell their
 * own story).
 */
import type { Db } from '../../db/connection';
import { findAllocation } from '../../db/queries/allocations';
import { listDataQueries } from '../../db/queries/data-queries';
import { listParticipants, type ParticipantRow } from '../../db/queries/participants';
import { listResponsesOf, type ResponseRow } from '../../db/queries/responses';
import { listTimeLogs } from '../../db/queries/time-logs';
import { findUserByEmail, findUserById, type UserRow } from '../../db/queries/users';
import { correctTimeLog } from '../../services/coach-work';
import { correctResponse } from '../../services/response-corrections';
import type { DemoStep } from '../index';

export const DEMO_CORRECTION_REASONS = {
  mobility: 'Keyed in wrong: the paper form says level {level}',
  vas: 'Paper form checked again: the mark on the scale is at {vas}, not {before}',
  minutes: "The meeting ran over: {minutes} minutes by the coach's calendar",
};

function user(db: Db, email: string): UserRow {
  const found = findUserByEmail(db, email);
  if (!found) throw new Error(`demo corrections: no user ${email}`);
  return found;
}

const fill = (text: string, values: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (_m, key: string) => String(values[key]));

/** The first complete EQ-5D-5L at `timepoint` among `people` (preferring ones keyed in by staff when asked). */
function firstEq5d(db: Db, people: ParticipantRow[], timepoint: number, preferStaff: boolean, used: Set<number>): ResponseRow | undefined {
  const rows = people.filter((p) => !used.has(p.id)).flatMap((p) => listResponsesOf(db, p.id, timepoint).filter((r) => r.form === 'eq5d5l' && r.complete === 1));
  return (preferStaff ? rows.find((r) => r.source === 'staff') : undefined) ?? rows[0];
}

export const demoCorrectionsStep: DemoStep = {
  name: 'corrections',
  run: ({ db }) => {
    const manager = user(db, 'manager@demo.ips-trial.invalid');
    const managerActor = { id: manager.id, label: manager.email };
    const queried = new Set(listDataQueries(db, { state: null, siteId: null, participantId: null, mine: null, siteIds: null }).map((q) => q.participant_id));
    const people = listParticipants(db, null).filter((p) => findAllocation(db, p.id) !== undefined && !queried.has(p.id)).sort((a, b) => a.id - b.id);
    const used = new Set<number>();

    const baseline = firstEq5d(db, people, 0, false, used);
    if (!baseline) throw new Error('demo corrections: no baseline EQ-5D-5L');
    used.add(baseline.participant_id);
    const mobility = (Number(JSON.parse(baseline.answers_json).eq5d_mo) % 5) + 1;
    correctResponse(db, managerActor, manager, baseline.client_uuid, { answers: { eq5d_mo: mobility }, reason: fill(DEMO_CORRECTION_REASONS.mobility, { level: mobility }) });

    const followUp = firstEq5d(db, people, 6, true, used);
    if (!followUp) throw new Error('demo corrections: no 6-month EQ-5D-5L');
    used.add(followUp.participant_id);
    const before = Number(JSON.parse(followUp.answers_json).eq_vas);
    const vas = before >= 90 ? before - 10 : before + 10;
    correctResponse(db, managerActor, manager, followUp.client_uuid, { answers: { eq_vas: vas }, reason: fill(DEMO_CORRECTION_REASONS.vas, { vas, before }) });

    const log = listTimeLogs(db, { from: '0001-01-01', to: '9999-12-31' }).find((l) => l.participant_id !== null && !used.has(l.participant_id) && !queried.has(l.participant_id) && l.activity === 'participant_meeting');
    if (!log) throw new Error('demo corrections: no time log of a participant meeting');
    const coach = findUserById(db, log.staff_id);
    if (!coach) throw new Error(`demo corrections: no staff ${log.staff_id}`);
    const minutes = log.minutes + 15;
    correctTimeLog(db, { id: coach.id, label: coach.email }, coach, log.id, { minutes }, fill(DEMO_CORRECTION_REASONS.minutes, { minutes }));
  },
};
