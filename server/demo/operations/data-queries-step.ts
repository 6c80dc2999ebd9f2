/**
 * A few data queries in the demo, as a data monitor raises them: four open
 * (waiting for staff: a questionnaire answer, a baseline birth year, a
 * service-use count, an episode's hours), one answered by the coach and
 * waiting for the monitor, one answered and closed — each on a record that
 * exists, through the same service as the API (comments, audit trail). The
 * dashboard's open count and the data-query pages have something to show.
 */
import type { Db } from '../../db/connection';
import { findAllocation } from '../../db/queries/allocations';
import type { RecordKind } from '../../db/queries/data-queries';
import { listEpisodes } from '../../db/queries/employment-episodes';
import { listParticipants, type ParticipantRow } from '../../db/queries/participants';
import { listResponsesOf } from '../../db/queries/responses';
import { findUserByEmail, findUserById } from '../../db/queries/users';
import { openDataQuery, stepDataQuery, type Staff } from '../../services/data-queries';
import type { DemoStep } from '../index';

interface DemoQuery {
  /** the first randomized participant from this position (in study order) with the record */
  from: number;
  kind: RecordKind;
  form: string;
  timepoint: number | null;
  field: string;
  question: string;
  answer?: string;
  close?: string;
}

export const DEMO_QUERIES: DemoQuery[] = [
  { from: 2, kind: 'response', form: 'eq5d5l', timepoint: 0, field: 'eq5d_mo', question: 'Mobility 5 (unable to walk about), but the coach notes say the participant walks to the meetings. Please check the paper form.' },
  { from: 11, kind: 'response', form: 'baseline', timepoint: 0, field: 'birth_year', question: 'The birth year does not match the age in the referral letter. Please check the paper form.' },
  { from: 50, kind: 'response', form: 'service_use', timepoint: 12, field: 'inpatient_day', question: 'Inpatient days in these six months: the care summary mentions no admission. Please check with the participant.' },
  { from: 20, kind: 'episode', form: 'employment_episode', timepoint: null, field: 'hours_per_week', question: 'Hours per week look high for a first job; please confirm with the employer agreement.' },
  { from: 70, kind: 'response', form: 'gse', timepoint: 6, field: 'gse_03', question: 'GSE item 3 is the only item answered 1; was it keyed in correctly?', answer: 'Checked the paper form: the participant ticked 1. The value stands.' },
  { from: 90, kind: 'response', form: 'eq5d5l', timepoint: 12, field: 'eq_vas', question: 'EQ VAS 5 while every dimension is 1 or 2; please check the paper form.', answer: 'Paper form says 50; corrected in the record.', close: 'Thank you; resolved.' },
];

function staffOf(db: Db, email: string): Staff {
  const user = findUserByEmail(db, email);
  if (!user) throw new Error(`demo data queries: no user ${email}`);
  return { id: user.id, email: user.email, role: user.role };
}

/** The record a demo query points at, or undefined when this participant lacks it. */
function target(db: Db, p: ParticipantRow, q: DemoQuery): { recordKind: RecordKind; form: string | null; timepoint: number | null; recordId: number | null; fieldName: string } | undefined {
  if (q.kind === 'episode') {
    const episode = listEpisodes(db, p.id)[0];
    return episode ? { recordKind: 'episode', form: null, timepoint: null, recordId: episode.id, fieldName: q.field } : undefined;
  }
  const has = listResponsesOf(db, p.id, q.timepoint).some((r) => r.form === q.form && r.complete === 1);
  return has ? { recordKind: 'response', form: q.form, timepoint: q.timepoint, recordId: null, fieldName: q.field } : undefined;
}

export const demoDataQueriesStep: DemoStep = {
  name: 'data queries',
  run: ({ db }) => {
    const monitor = staffOf(db, 'monitor@demo.ips-trial.invalid');
    const everyone = listParticipants(db, null).filter((p) => findAllocation(db, p.id) !== undefined).sort((a, b) => a.id - b.id);
    const used = new Set<number>();
    for (const q of DEMO_QUERIES) {
      const found = everyone.slice(q.from).map((p) => ({ p, t: used.has(p.id) ? undefined : target(db, p, q) })).find((x) => x.t);
      if (!found) throw new Error(`demo data queries: no participant with ${q.form} at ${q.timepoint}`);
      used.add(found.p.id);
      const opened = openDataQuery(db, monitor, found.p.id, found.t!, q.question);
      if (!q.answer) continue;
      const coach = found.p.coach_id === null ? undefined : findUserById(db, found.p.coach_id);
      const answerer = coach ? { id: coach.id, email: coach.email, role: coach.role } : staffOf(db, 'manager@demo.ips-trial.invalid');
      stepDataQuery(db, answerer, opened.id, 'answer', q.answer);
      if (q.close) stepDataQuery(db, monitor, opened.id, 'close', q.close);
    }
  },
};
