/**
 * Test studies for the export tests: a generated trial (analysis/demo)
 * written into the database with obviously synthetic, awkward identifiers
 * (quotes and commas in names, personnummer, phone numbers, addresses, names
 * copied into free-text fields), plus participants enrolled through the real
 * API (one randomized, one not). And the needles: every identifier value the
 * database holds, decrypted through the identifier service, in every format
 * it could be written in, and every calendar date found anywhere in the
 * database.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateDemoTrial } from '../../../analysis/demo/index';
import type { Db } from '../../../server/db/connection';
import { loadSyntheticStudy, type SyntheticStudyOptions } from '../../../server/export/synthetic-study';
import { identifierKeys, readIdentifiers } from '../../../server/services/participant-identifiers';
import { makeReady, register } from '../operations/fixtures';
import type { TestServer } from '../server-core/harness';

export async function makeStudy(server: TestServer, participants = 120, seed = 3, options: SyntheticStudyOptions = {}) {
  const dataset = generateDemoTrial({ participants, seed });
  const keys = identifierKeys(server.db, server.config);
  server.db.transaction(() => loadSyntheticStudy(server.db, keys, dataset, options))();
  // through the API: one randomized, one only referred
  const randomized = await register(server, 'TST-A', 1);
  await makeReady(server, randomized);
  const allocation = await server.as('trial_manager').send('POST', `/api/participants/${randomized}/allocation`);
  if (allocation.status !== 201) throw new Error(`allocation failed: ${JSON.stringify(allocation.body)}`);
  await register(server, 'TST-B', 2);
  return dataset;
}

function personnummerForms(value: string): string[] {
  const digits = value.replace(/\D/g, '');
  if (digits.length === 12) {
    const [century, short] = [digits, digits.slice(2)];
    return [century, short, `${century.slice(0, 8)}-${century.slice(8)}`, `${short.slice(0, 6)}-${short.slice(6)}`, `${short.slice(0, 6)}+${short.slice(6)}`];
  }
  return [digits, `${digits.slice(0, 6)}-${digits.slice(6)}`];
}

function phoneForms(value: string): string[] {
  const digits = value.replace(/\D/g, '');
  return [value, digits, `+46${digits.slice(1)}`, `46${digits.slice(1)}`];
}

/**
 * Every identifier value of every participant (randomized or not), decrypted, in every format;
 * with `nameParts` also each word of 5+ letters of names and addresses (off for the demo study,
 * whose names "Demo Deltagare NN" contain the Swedish word for participant, used in the labels).
 */
export function identifierNeedles(server: Pick<TestServer, 'db' | 'config'>, options: { nameParts?: boolean } = {}): string[] {
  const keys = identifierKeys(server.db, server.config);
  const ids = server.db.prepare('SELECT id, study_id FROM participants').all() as { id: number; study_id: string }[];
  const needles = new Set<string>();
  for (const { id, study_id } of ids) {
    needles.add(study_id);
    const all = readIdentifiers(server.db, keys, id, 'all');
    if (!all) continue;
    for (const [field, value] of Object.entries(all)) {
      if (typeof value !== 'string' || value === '' || field === 'national_id_kind') continue;
      if (field === 'personal_number') personnummerForms(value).forEach((f) => needles.add(f));
      else if (field === 'person_phone') phoneForms(value).forEach((f) => needles.add(f));
      else needles.add(value);
      if (options.nameParts !== false && (field === 'person_name' || field === 'street_address' || field === 'postal_town')) {
        for (const part of value.split(/[\s,"]+/)) if (part.length >= 5 && !/^\d+$/.test(part)) needles.add(part);
      }
    }
  }
  return [...needles];
}

/** Every calendar date stored anywhere in the database, as YYYY-MM-DD and YYYYMMDD. */
export function dateNeedles(db: Db): string[] {
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[]).map((t) => t.name);
  const dates = new Set<string>();
  for (const table of tables) {
    for (const row of db.prepare(`SELECT * FROM ${table}`).iterate() as Iterable<Record<string, unknown>>) {
      for (const value of Object.values(row)) {
        if (typeof value !== 'string') continue;
        for (const match of value.matchAll(/\b(\d{4})-(\d{2})-(\d{2})/g)) dates.add(match[0]);
      }
    }
  }
  return [...dates].flatMap((d) => [d, d.replace(/-/g, '')]);
}

/** Whether `needle` stands in `text` as a token of its own: not inside a longer run of letters and digits (a pid's hex digits may contain any 8 digits by chance). */
function containsToken(text: string, needle: string): boolean {
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
    const before = text[at - 1] ?? ' ';
    const after = text[at + needle.length] ?? ' ';
    if (!/[0-9a-z]/.test(before) && !/[0-9a-z]/.test(after)) return true;
  }
  return false;
}

/** Every needle found in any file of the folder as a token of its own: [file, needle] pairs (case-insensitive). */
export function findNeedles(folder: string, needles: readonly string[]): [string, string][] {
  const hits: [string, string][] = [];
  for (const name of readdirSync(folder)) {
    const text = readFileSync(join(folder, name), 'utf8').toLowerCase();
    for (const needle of needles) if (containsToken(text, needle.toLowerCase())) hits.push([name, needle]);
  }
  return hits;
}
