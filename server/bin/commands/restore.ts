/**
 * `ips-trial restore <backup>`: puts a backup (from `ips-trial backup`) in
 * place of the database, after checking it; the file that was live is kept
 * aside, never deleted (server/services/restore.ts). Stop the server first.
 */
import type { Command } from 'commander';
import { addDbOption, configFromOptions } from '../db-option';

export function register(program: Command): void {
  addDbOption(
    program
      .command('restore')
      .description('replace the database with a checked backup; the current file is kept aside (stop the server first)')
      .argument('<backup>', 'a backup file written by `ips-trial backup`'),
  ).action(async (backup: string, options: { db?: string }) => {
    const config = configFromOptions(options);
    const [{ cliActor }, { restoreDatabase, RestoreRefused }] = await Promise.all([import('../../services/audit'), import('../../services/restore')]);
    try {
      const result = await restoreDatabase(config, backup, cliActor());
      process.stdout.write(
        `restored ${config.dbFile} from ${result.restoredFrom}\n` +
          (result.keptAside ? `the previous file is kept as ${result.keptAside}\n` : '') +
          `integrity ok; audit trail intact (${result.auditEntries} entries, the restore is the last)\n` +
          `the keys in ${config.secretsDir} match this backup\n`,
      );
    } catch (err) {
      if (!(err instanceof RestoreRefused)) throw err;
      process.stderr.write(`error: ${err.message}\n`);
      process.exitCode = 1;
    }
  });
}
