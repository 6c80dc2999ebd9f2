/** Queries on `instrument_wordings` (the study's supplied instrument text; the latest row is in use). */
import type { Db } from '../connection';
import { statement } from './statement';

export interface InstrumentWordingRow {
  id: number;
  source: string;
  wording_json: string;
  sha256: string;
  loaded_by: number | null;
  loaded_by_name: string | null;
  created_at: string;
}

const SELECT = `SELECT w.id, w.source, w.wording_json, w.sha256, w.loaded_by, u.display_name AS loaded_by_name, w.created_at
  FROM instrument_wordings w LEFT JOIN users u ON u.id = w.loaded_by`;

export function insertInstrumentWording(db: Db, row: { source: string; wordingJson: string; sha256: string; loadedBy: number | null; now: string }): number {
  const result = statement(db, 'INSERT INTO instrument_wordings (source, wording_json, sha256, loaded_by, created_at) VALUES (?, ?, ?, ?, ?)')
    .run(row.source, row.wordingJson, row.sha256, row.loadedBy, row.now);
  return Number(result.lastInsertRowid);
}

export function latestInstrumentWording(db: Db): InstrumentWordingRow | undefined {
  return statement(db, `${SELECT} ORDER BY w.id DESC LIMIT 1`).get() as InstrumentWordingRow | undefined;
}

/** Every load, newest first, without the text. */
export function instrumentWordingHistory(db: Db): Omit<InstrumentWordingRow, 'wording_json'>[] {
  return statement(db, `SELECT w.id, w.source, w.sha256, w.loaded_by, u.display_name AS loaded_by_name, w.created_at
    FROM instrument_wordings w LEFT JOIN users u ON u.id = w.loaded_by ORDER BY w.id DESC`).all() as Omit<InstrumentWordingRow, 'wording_json'>[];
}
