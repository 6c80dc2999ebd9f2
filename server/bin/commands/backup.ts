/**
 * `ips-trial backup --to <file>`: a consistent copy of the database, safe
 * while the server runs, checked after writing; prints the last audit hash
 * (keep it with the backup to anchor the audit chain). The secrets directory
 * is not copied: back it up separately (docs/server.md).
 */
import type { Command } from 'commander';
import { addDbOption, configFromOptions } from '../db-option';

export function register(program: Command): void {
  addDbOption(
    program
      .command('backup')
      .description('copy the database to a new file while it may be in use, then check the copy')
      .requiredOption('--to <file>', 'the new backup file (must not exist)'),
  ).action(async (options: { db?: string; to: string }) => {
    const config = configFromOptions(options);
    const [{ openTrialDatabase }, { cliActor }, { backupDatabase }] = await Promise.all([
      import('../../db/open'),
      import('../../services/audit'),
      import('../../services/backup'),
    ]);
    const db = openTrialDatabase(config);
    try {
      const result = await backupDatabase(db, cliActor(), options.to);
      process.stdout.write(
        `backup written to ${result.file}\nintegrity: ${result.integrity}; audit trail intact (${result.auditEntries} entries, last hash ${result.lastAuditHash})\n` +
          `remember to back up the secrets directory (${config.secretsDir}) separately\n`,
      );
    } catch (err) {
      process.stderr.write(`error: ${(err as Error).message}\n`);
      process.exitCode = 1;
    } finally {
      db.close();
    }
  });
}
