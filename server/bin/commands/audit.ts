/**
 * `ips-trial audit verify`: checks the audit trail's hash chain. Exits 0
 * when intact; exits 1 and names every broken link (entry altered, removed
 * or inserted), one line each, otherwise.
 */
import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { addDbOption, configFromOptions } from '../db-option';

export function register(program: Command): void {
  const audit = program.command('audit').description('the audit trail');
  addDbOption(audit.command('verify').description('verify the hash chain of the audit trail; exits non-zero and lists every broken link')).action(
    async (options: { db?: string }) => {
      const config = configFromOptions(options);
      if (!existsSync(config.dbFile)) {
        process.stderr.write(`error: no database at ${config.dbFile}\n`);
        process.exit(2);
      }
      // loaded only when the command runs (better-sqlite3 and the services), not for --help
      const [{ openTrialDatabaseReadonly }, { verifyAudit }] = await Promise.all([import('../../db/open'), import('../../services/audit')]);
      const db = openTrialDatabaseReadonly(config);
      try {
        const verdict = verifyAudit(db);
        if (verdict.ok) {
          process.stdout.write(`audit trail intact: ${verdict.entries} entries, last hash ${verdict.lastHash}\n`);
        } else {
          const n = verdict.breaks.length;
          process.stderr.write(`audit trail BROKEN: ${n} broken link${n === 1 ? '' : 's'} in ${verdict.entries} entries\n`);
          for (const broken of verdict.breaks) process.stderr.write(`  at entry ${broken.at}: ${broken.message}\n`);
          process.exitCode = 1;
        }
      } catch (err) {
        process.stderr.write(`error: cannot read the audit trail of ${config.dbFile}: ${(err as Error).message}\n`);
        process.exitCode = 2;
      } finally {
        db.close();
      }
    },
  );
}
