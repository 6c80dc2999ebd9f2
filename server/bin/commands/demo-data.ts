/**
 * `ips-trial demo-data <dir>`: writes a synthetic IPS trial in the analysis
 * dataset folder format (ANALYSIS-DATASET.md) with known true effects, so the
 * analysis and the ICER report can be tried, tested and benchmarked without
 * real data. The truth behind the numbers is in `analysis/demo/true-effects.ts`
 * and docs/report.md.
 */
import { InvalidArgumentError, type Command } from 'commander';

/**
 * The default size shown in `--help`; the same number as the generator's
 * DEFAULT_DEMO_PARTICIPANTS (test/integration/cli/start-up.test.ts checks),
 * written here so that registering the command does not load the generator.
 */
export const DEMO_PARTICIPANTS_DEFAULT = 200;

function integerOption(name: string, minimum: number) {
  return (value: string): number => {
    const parsed = Number(value);
    if (!/^-?\d+$/.test(value.trim()) || !Number.isSafeInteger(parsed) || parsed < minimum) {
      throw new InvalidArgumentError(`must be an integer ≥ ${minimum}, got "${value}"`);
    }
    return parsed;
  };
}

export function register(program: Command): void {
  program
    .command('demo-data')
    .description('Write a synthetic trial (known true effects, realistic missingness) as an analysis dataset folder')
    .argument('<dir>', 'folder to write participants.csv … unit_costs.csv and settings.json into')
    .option('--participants <n>', 'number of randomized participants', integerOption('participants', 2), DEMO_PARTICIPANTS_DEFAULT)
    .option('--seed <s>', 'seed of the generator (the same seed gives the same trial)', integerOption('seed', 0), 1)
    .option('--force', 'overwrite dataset files already in <dir>')
    .action(async (dir: string, options: { participants: number; seed: number; force?: boolean }) => {
      const [{ generateDemoTrial }, { writeDatasetFolder }] = await Promise.all([import('../../../analysis/demo'), import('../../dataset/write-dataset')]);
      const dataset = generateDemoTrial({ participants: options.participants, seed: options.seed });
      try {
        writeDatasetFolder(dir, dataset, { overwrite: options.force === true });
      } catch (error) {
        program.error(`demo-data: ${(error as Error).message}`);
      }
      const ips = dataset.participants.filter((p) => p.arm === 'ips').length;
      process.stdout.write(
        `Wrote a synthetic trial of ${dataset.participants.length} participants (${ips} IPS, ` +
          `${dataset.participants.length - ips} usual care; seed ${options.seed}) to ${dir}\n`,
      );
    });
}
