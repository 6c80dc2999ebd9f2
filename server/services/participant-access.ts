/**
 * Who may see which participant and which identifiers.
 *
 * Participants: coaches only those of their own sites (others answer 404);
 * every other role all of them. Identifiers: admin and trial_manager see
 * all of them; a coach sees name and phone of participants at their own
 * sites (to reach them); evaluator and data_monitor never see any.
 */
import type { Db } from '../db/connection';
import { findParticipant, findParticipantByStudyId, type ParticipantRow } from '../db/queries/participants';
import type { Role, UserRow } from '../db/queries/users';
import { problems } from '../errors';
import { assertCanSeeSite } from './site-access';
import { getStudySettings } from './study-settings';

export type IdentifierAccess = 'all' | 'contact' | 'none';

export function identifierAccess(role: Role): IdentifierAccess {
  if (role === 'admin' || role === 'trial_manager') return 'all';
  if (role === 'coach') return 'contact';
  return 'none';
}

export function visibleParticipant(db: Db, user: Pick<UserRow, 'id' | 'role'>, participantId: number): ParticipantRow {
  const participant = findParticipant(db, participantId);
  if (!participant) throw problems.notFound('participant', participantId);
  assertCanSeeSite(db, user, participant.site_id, 'participant', participantId);
  return participant;
}

/** A participant named in a path by numeric id or study id ("ORE-AFF-0007"), if this user may see it (else 404). */
export function participantFromParam(db: Db, user: Pick<UserRow, 'id' | 'role'>, raw: string): ParticipantRow {
  const text = String(raw ?? '').slice(0, 40);
  const row = /^[1-9][0-9]{0,14}$/.test(text) ? findParticipant(db, Number(text)) : findParticipantByStudyId(db, text);
  if (!row) throw problems.notFound('participant', text);
  return visibleParticipant(db, user, row.id);
}

/** One formatter per time zone: making an Intl.DateTimeFormat costs more than a questionnaire's whole transaction */
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** Today's calendar date in the study's time zone (setting timeZone, default Europe/Stockholm). */
export function studyToday(db: Db, now: Date = new Date()): string {
  const { timeZone } = getStudySettings(db);
  let format = dateFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dateFormats.set(timeZone, format);
  }
  return format.format(now);
}
