/**
 * `ips-trial export <dir>`: writes an anonymized export of the live database
 * (the analysis dataset folder, data_dictionary.csv, codebook.md, load.R,
 * load.do, load.sps, README.md) and records it in the audit trail (actor
 * "command line"): options, row counts and the SHA-256 of every file.
 */
import type { Command } from 'commander';
import { addDbOption, configFromOptions } from '../db-option';
import type { PidMode } from '../../export/pseudonym';

interface ExportCommandOptions {
  db?: string;
  pidMode: string;
  k: string;
  unitCosts?: string;
}

export function register(program: Command): void {
  addDbOption(
    program
      .command('export')
      .description('Pseudonymised export of the trial database: analysis dataset CSVs, REDCap data dictionary, codebook, load.R/load.do/load.sps, README')
      .argument('<dir>', 'folder to create (must not exist, or be empty)')
      .option('--pid-mode <mode>', 'keyed (same pid for a person in every export; key in the secrets folder) or fresh (new random pids)', 'keyed')
      .option('--k <n>', 'k-anonymity over site, sex and age band', '5')
      .option('--unit-costs <csv>', 'item,unit_cost file to use instead of the study unit costs'),
  ).action(async (dir: string, options: ExportCommandOptions) => {
    process.exitCode = await exportCommand(dir, options);
  });
}

async function exportCommand(dir: string, options: ExportCommandOptions): Promise<number> {
  const k = Number(options.k);
  const config = configFromOptions(options);
  const [{ openTrialDatabase }, { cliActor }, { runExport }] = await Promise.all([
    import('../../db/open'),
    import('../../services/audit'),
    import('../../services/exports'),
  ]);
  const db = openTrialDatabase(config);
  try {
    const { manifest, folder } = runExport(db, config, cliActor(), dir, { pidMode: options.pidMode as PidMode, k, unitCostsFile: options.unitCosts });
    const rows = manifest.files.filter((f) => f.name.endsWith('.csv') && f.name !== 'data_dictionary.csv').map((f) => `${f.name} ${f.rows}`).join(', ');
    process.stdout.write(`Exported ${manifest.participants} randomized participants to ${folder}\n  rows: ${rows}\n${manifest.anonymity.map((n) => `  ${n}\n`).join('')}`);
    return 0;
  } catch (error) {
    process.stderr.write(`export failed: ${(error as Error).message}\nNothing was written.\n`);
    return 1;
  } finally {
    db.close();
  }
}
