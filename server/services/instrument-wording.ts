/**
 * The instrument wording the study supplies, as a use case. EQ-5D's text is
 * licensed by EuroQol and the GSE translation is its authors'; the project
 * ships neutral labels only (docs/instruments.md). The wording in use is, in
 * order: the IPS_LICENSED_WORDING file when the server has one (loading in
 * the web is then refused: one source of truth), else the latest text an
 * admin loaded on the Instrument wording page (instrument_wordings; every
 * load kept, audited with its SHA-256), else none.
 *
 * Fail closed: outside the demo study a tablet session or home code is
 * refused for a participant whose open assessment still needs a form whose
 * wording is incomplete — in the study's tablet language when it is set,
 * otherwise in every language (the tablet may open in any of them). The demo
 * study shows the neutral labels, marked on the tablet as placeholders.
 */
import { createHash } from 'node:crypto';
import { forms } from '../../data-dictionary/index';
import { checkLicensedWording, formsNeedingWording, wordingCompleteness, type LicensedWording, type WordingCompleteness } from '../../data-dictionary/licensed-wording';
import { LANGUAGES, type Language } from '../../data-dictionary/types';
import type { Db } from '../db/connection';
import { instrumentWordingHistory, insertInstrumentWording, latestInstrumentWording } from '../db/queries/instrument-wordings';
import type { ParticipantRow } from '../db/queries/participants';
import { inTransaction } from '../db/transaction';
import { problems } from '../errors';
import { isDemoDatabase } from '../demo/index';
import { recordAudit, type AuditActor } from './audit';
import { openAssessment } from './responses';
import { getStudySettings } from './study-settings';

export type WordingOrigin = 'file' | 'study' | 'none';

export interface WordingInUse {
  origin: WordingOrigin;
  wording: LicensedWording | null;
  loadedAt: string | null;
  loadedBy: string | null;
}

/** `fileWording`: the IPS_LICENSED_WORDING file, read and checked once at start (null: none set). */
export function wordingInUse(db: Db, fileWording: LicensedWording | null): WordingInUse {
  if (fileWording) return { origin: 'file', wording: fileWording, loadedAt: null, loadedBy: null };
  const row = latestInstrumentWording(db);
  if (!row) return { origin: 'none', wording: null, loadedAt: null, loadedBy: null };
  return { origin: 'study', wording: JSON.parse(row.wording_json) as LicensedWording, loadedAt: row.created_at, loadedBy: row.loaded_by_name };
}

export interface WordingStatus {
  origin: WordingOrigin;
  source: string | null;
  loadedAt: string | null;
  loadedBy: string | null;
  demo: boolean;
  /** the languages the tablet must have complete wording in: the tablet language, or all */
  requiredLanguages: Language[];
  completeness: WordingCompleteness[];
  history: { id: number; source: string; sha256: string; loadedBy: string | null; loadedAt: string }[];
}

function requiredLanguages(db: Db): Language[] {
  const tablet = getStudySettings(db).tabletLanguage;
  return tablet ? [tablet] : [...LANGUAGES];
}

export function wordingStatus(db: Db, fileWording: LicensedWording | null): WordingStatus {
  const inUse = wordingInUse(db, fileWording);
  return {
    origin: inUse.origin,
    source: inUse.wording?.source ?? null,
    loadedAt: inUse.loadedAt,
    loadedBy: inUse.loadedBy,
    demo: isDemoDatabase(db),
    requiredLanguages: requiredLanguages(db),
    completeness: wordingCompleteness(forms, inUse.wording),
    history: instrumentWordingHistory(db).map((row) => ({ id: row.id, source: row.source, sha256: row.sha256, loadedBy: row.loaded_by_name, loadedAt: row.created_at })),
  };
}

/**
 * Loads a new wording (the latest is in use from now on); 409 when the
 * server's wording file is set, 400 naming each problem (unknown form, field,
 * option or language; wrong shape) and nothing saved. Incomplete wording is
 * accepted (a study may load one language at a time): the status shows what
 * is missing and tablet sessions stay refused until it is complete.
 */
export function loadWording(db: Db, actor: AuditActor, fileWording: LicensedWording | null, body: unknown, now = new Date().toISOString()): WordingStatus {
  if (fileWording) throw problems.wordingFromFile();
  let wording: LicensedWording;
  try {
    wording = checkLicensedWording(forms, body);
  } catch (error) {
    const lines = (error as Error).message.split('\n').slice(1).map((line) => line.trim()).filter(Boolean);
    throw problems.invalidBody(lines.map((message) => ({ field: message.split(/[: ]/)[0] || 'wording', message })));
  }
  const text = JSON.stringify({ source: wording.source, forms: wording.forms });
  const sha256 = createHash('sha256').update(text).digest('hex');
  inTransaction(db, () => {
    const id = insertInstrumentWording(db, { source: wording.source.trim(), wordingJson: text, sha256, loadedBy: actor.id, now });
    const complete = wordingCompleteness(forms, wording).filter((c) => c.complete).map((c) => `${c.form}:${c.language}`);
    recordAudit(db, { actor, action: 'load', entity: 'instrument_wording', entityId: id, after: { source: wording.source, sha256, complete }, at: now });
  });
  return wordingStatus(db, fileWording);
}

/**
 * Refuses (409 wording_missing) to send a participant to the tablet while a
 * form of their open assessment, not yet complete, needs wording the study
 * has not supplied in full; the demo study passes (placeholders).
 */
export function requireWordingForTablet(db: Db, fileWording: LicensedWording | null, participant: ParticipantRow, today: string): void {
  if (isDemoDatabase(db)) return;
  const needing = new Set(formsNeedingWording(forms).map((f) => f.name));
  const pending = openAssessment(db, participant, today).forms.filter((f) => needing.has(f.form) && f.response?.complete !== true).map((f) => f.form);
  if (pending.length === 0) return;
  const languages = requiredLanguages(db);
  const completeness = wordingCompleteness(forms, wordingInUse(db, fileWording).wording);
  const lacking = pending.flatMap((form) => languages.filter((language) => !completeness.find((c) => c.form === form && c.language === language)?.complete).map((language) => `${form} (${language})`));
  if (lacking.length) throw problems.wordingMissing(lacking);
}
