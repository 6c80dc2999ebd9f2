/**
 * `ips-trial migrate`: creates the database if needed and applies the
 * migrations not yet applied, listing them (every command and `serve` do this
 * at start anyway; this is for deployments that want it as a separate step).
 */
import type { Command } from 'commander';
import { addDbOption, configFromOptions } from '../db-option';

export function register(program: Command): void {
  addDbOption(program.command('migrate').description('create the database if needed and apply pending migrations')).action(
    async (options: { db?: string }) => {
      const config = configFromOptions(options);
      const [{ openDatabase }, { migrate }] = await Promise.all([import('../../db/connection'), import('../../db/migrate')]);
      const db = openDatabase(config.dbFile);
      try {
        const applied = migrate(db);
        process.stdout.write(applied.length ? `applied to ${config.dbFile}:\n${applied.map((m) => `  ${m}`).join('\n')}\n` : `${config.dbFile} is up to date\n`);
      } catch (err) {
        process.stderr.write(`error: ${(err as Error).message}\n`);
        process.exitCode = 1;
      } finally {
        db.close();
      }
    },
  );
}
