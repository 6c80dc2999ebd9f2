/**
 * Forward-only migrations: `server/db/migrations/NNNN-slug.sql`, applied in
 * number order, each in its own transaction, and recorded in
 * `schema_migrations`. Numbers are reserved by area (0001–0009 server core,
 * 0010–0029 trial operations, 0030–0049 exports). A migration once merged is
 * never edited; a file whose recorded checksum changed stops the start.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Db } from './connection';
import { appliedMigrations, ensureMigrationsTable, recordMigration } from './queries/schema-migrations';

export const MIGRATIONS_DIR = path.join(path.dirname(new URL(import.meta.url).pathname), 'migrations');

interface MigrationFile {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

export function listMigrations(dir = MIGRATIONS_DIR): MigrationFile[] {
  const files = readdirSync(dir).filter((f) => /^\d{4}-[a-z0-9-]+\.sql$/.test(f));
  const migrations = files.map((name) => {
    const sql = readFileSync(path.join(dir, name), 'utf8');
    return { version: Number(name.slice(0, 4)), name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
  });
  migrations.sort((a, b) => a.version - b.version);
  for (let i = 1; i < migrations.length; i++) {
    if (migrations[i].version === migrations[i - 1].version) {
      throw new Error(`two migrations share number ${migrations[i].version}: ${migrations[i - 1].name}, ${migrations[i].name}`);
    }
  }
  return migrations;
}

/** Applies every migration not yet recorded; returns the names applied. */
export function migrate(db: Db, dir = MIGRATIONS_DIR): string[] {
  ensureMigrationsTable(db);
  const applied = new Map(appliedMigrations(db).map((m) => [m.version, m]));
  const done: string[] = [];
  for (const m of listMigrations(dir)) {
    const previous = applied.get(m.version);
    if (previous) {
      if (previous.checksum !== m.checksum) {
        throw new Error(`migration ${m.name} was edited after it was applied (checksum differs); add a new migration instead`);
      }
      continue;
    }
    db.transaction(() => {
      db.exec(m.sql);
      recordMigration(db, { version: m.version, name: m.name, checksum: m.checksum, appliedAt: new Date().toISOString() });
    })();
    done.push(m.name);
  }
  return done;
}
