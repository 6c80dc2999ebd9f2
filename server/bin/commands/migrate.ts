/**
 * `ips-trial migrate`: creates the database if needed and applies the
 * migrations not yet applied, listing them (every command and `serve` do this
 * at start anyway; this is for deployments that want it as a separate step),
 * then checks the secret keys against the database (making them for a new one).
 */
import type { Command } from 'commander';
import { addDbOption, configFromOptions } from '../db-option';

export function register(program: Command): void {
  addDbOption(program.command('migrate').description('create the database if needed and apply pending migrations')).action(
    async (options: { db?: string }) => {
      const config = configFromOptions(options);
      const [{ openDatabase }, { migrate }, { checkTrialSecrets }] = await Promise.all([import('../../db/connection'), import('../../db/migrate'), import('../../secrets')]);
      const db = openDatabase(config.dbFile);
      try {
        const applied = migrate(db);
        checkTrialSecrets(db, config.secretsDir);
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
