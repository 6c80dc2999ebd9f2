/**
 * `ips-trial eq5d-index`: scores EQ-5D health states with a value set and
 * prints one index per line at full precision, or lists the value sets. The
 * scoring is `instruments/eq5d`; this module only reads arguments and prints.
 * If any state is invalid nothing is printed to stdout: every bad state is
 * named on stderr and the exit code is 1.
 */
import type { Command } from 'commander';

// The value-set catalogue (119 JSON files) is loaded only when this command
// runs, so it does not slow down the start of every other ips-trial command.
type Eq5d = typeof import('../../../instruments/eq5d/index');
const loadEq5d = (): Promise<Eq5d> => import('../../../instruments/eq5d/index');

interface Options {
  valueSet?: string;
  list?: boolean;
}

function listLines({ listValueSets, getValueSet }: Eq5d): string[] {
  return listValueSets().map((s) => {
    const label = s.instrument === 'eq5d3l' ? '3L' : '5L';
    const what = s.kind === 'crosswalk' ? `5L→3L crosswalk, ${s.country}` : `${label} ${s.method}, ${s.country}`;
    const same = getValueSet(s.id).sameAs;
    return `${s.id}\t${what}${s.derived ? ' (DERIVED, not published)' : ''}${same.length ? ` (same numbers as ${same.join(', ')})` : ''}`;
  });
}

async function run(states: string[], options: Options, command: Command): Promise<void> {
  const eq5d = await loadEq5d();
  const { Eq5dError, eq5dIndex } = eq5d;
  if (options.list) {
    process.stdout.write(`${listLines(eq5d).join('\n')}\n`);
    return;
  }
  if (!options.valueSet) command.error('error: --value-set <id> is required (see --list for the ids)');
  if (states.length === 0) command.error('error: give at least one state, e.g. 11111');
  const indexes: number[] = [];
  const problems: string[] = [];
  for (const state of states) {
    try {
      indexes.push(eq5dIndex(options.valueSet, state));
    } catch (error) {
      if (!(error instanceof Eq5dError)) throw error;
      problems.push(error.message);
      if (error.code === 'unknown_value_set') break;
    }
  }
  if (problems.length > 0) {
    process.stderr.write(problems.map((p) => `error: ${p}\n`).join(''));
    process.exitCode = 1;
    return;
  }
  process.stdout.write(`${indexes.map((x) => String(x)).join('\n')}\n`);
}

export function register(program: Command): void {
  program
    .command('eq5d-index')
    .description('print the EQ-5D index of each health state (one per line, full precision) under a value set')
    .argument('[states...]', 'health states as 5 digits in the order MO SC UA PD AD, e.g. 11111 21312')
    .option('--value-set <id>', 'value-set id, e.g. eq5d5l_SE_Sun2022 (see --list)')
    .option('--list', 'list the value-set ids with a short description')
    .addHelpText('after', [
      '',
      'Examples:',
      '  ips-trial eq5d-index --list',
      '  ips-trial eq5d-index --value-set eq5d5l_SE_Sun2022 11111 12345 55555',
      '  ips-trial eq5d-index --value-set eq5d3l_SE_TTO_Burstrom2014 11111   # 0.9694 (published model)',
      '',
      '3L value sets take levels 1-3; 5L value sets and crosswalks (5L -> 3L) take levels 1-5.',
      'An invalid state or unknown id prints an error naming it and exits with code 1.',
    ].join('\n'))
    .action((states: string[], options: Options, command: Command) => run(states, options, command));
}
