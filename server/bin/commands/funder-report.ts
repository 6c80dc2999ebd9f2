/**
 * `ips-trial funder-report --out <dir> [--from] [--to] [--site]`: writes
 * funder-report.html and funder-report.csv for the period (default: the last
 * six months up to today) and records it in the audit trail.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { addDbOption, configFromOptions } from '../db-option';

interface FunderReportOptions {
  db?: string;
  out: string;
  from?: string;
  to?: string;
  site?: string;
}

export function register(program: Command): void {
  addDbOption(
    program
      .command('funder-report')
      .description('Report to the funders for a period: IPS participants by status, sex and municipality, time to first employer contact and job, targets, caseloads, fidelity (HTML and CSV)')
      .requiredOption('--out <dir>', 'folder for funder-report.html and funder-report.csv')
      .option('--from <date>', 'first day of the period, YYYY-MM-DD (default: six months before --to)')
      .option('--to <date>', 'last day of the period, YYYY-MM-DD (default: today)')
      .option('--site <code>', 'one site only (default: every site and the total)'),
  ).action(async (options: FunderReportOptions) => {
    process.exitCode = await run(options);
  });
}

async function run(options: FunderReportOptions): Promise<number> {
  const config = configFromOptions(options);
  const [{ openTrialDatabase }, { cliActor }, { checkFunderQuery, funderReport }] = await Promise.all([
    import('../../db/open'),
    import('../../services/audit'),
    import('../../services/funder-reports'),
  ]);
  const db = openTrialDatabase(config);
  try {
    const query = Object.fromEntries(Object.entries({ from: options.from, to: options.to, site: options.site }).filter(([, v]) => v !== undefined));
    const { format: _format, ...period } = checkFunderQuery(db, query);
    const built = await funderReport(db, cliActor(), period);
    const out = resolve(options.out);
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'funder-report.html'), built.html);
    writeFileSync(join(out, 'funder-report.csv'), built.csv);
    process.stdout.write(`Funder report ${period.from} to ${period.to}${period.site ? ` (site ${period.site})` : ''}: ${built.report.groups[0].participants} IPS participants\nWrote ${join(out, 'funder-report.html')} and funder-report.csv\n`);
    return 0;
  } catch (error) {
    const fields = (error as { fields?: { message: string }[] }).fields;
    process.stderr.write(`funder-report failed: ${fields ? fields.map((f) => f.message).join('; ') : (error as Error).message}\nNothing was written.\n`);
    return 1;
  } finally {
    db.close();
  }
}
