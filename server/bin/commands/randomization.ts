/**
 * `ips-trial randomization simulate`: runs the study's allocation algorithm
 * on simulated arrivals and prints per-stratum and overall balance.
 */
import { InvalidArgumentError, type Command } from 'commander';
import { existsSync } from 'node:fs';
import type { RandomizationMethod } from '../../randomization/simulate';
import { addDbOption, configFromOptions } from '../db-option';

function positiveInteger(name: string) {
  return (value: string): number => {
    const parsed = Number(value);
    if (!/^\d+$/.test(value) || !Number.isInteger(parsed) || parsed < 1) {
      throw new InvalidArgumentError(`--${name} must be a positive integer, got "${value}"`);
    }
    return parsed;
  };
}

function blockSizes(value: string): number[] {
  const sizes = value.split(',').map((part) => Number(part.trim()));
  if (sizes.some((size) => !Number.isInteger(size) || size < 2 || size % 2 !== 0)) {
    throw new InvalidArgumentError(`--block-sizes must be even integers ≥ 2 separated by commas, got "${value}"`);
  }
  return sizes;
}

export function register(program: Command): void {
  const randomization = program.command('randomization').description('Randomization tools (simulation for the protocol and SAP)');
  randomization
    .command('simulate')
    .description('Simulate allocation of N participants over S strata and print the balance')
    .requiredOption('--participants <n>', 'number of simulated participants', positiveInteger('participants'))
    .requiredOption('--strata <s>', 'number of strata (sites × factors)', positiveInteger('strata'))
    .requiredOption('--seed <text>', 'seed text (the same seed reproduces the same allocations)')
    .option('--method <method>', 'blocks (stratified permuted blocks) or minimisation (Pocock–Simon)', 'blocks')
    .option('--block-sizes <list>', 'block sizes, comma separated', blockSizes, [2, 4, 6])
    .option('--probability <p>', 'minimisation: probability of the arm that minimises imbalance', '0.8')
    .option('--json', 'print JSON {overall, strata, maxStratumImbalance}')
    .action(async (options: { participants: number; strata: number; seed: string; method: string; blockSizes: number[]; probability: string; json?: boolean }) => {
      if (options.method !== 'blocks' && options.method !== 'minimisation') {
        program.error(`--method must be "blocks" or "minimisation", got "${options.method}"`);
      }
      const probability = Number(options.probability);
      if (!(probability >= 0.5 && probability <= 1)) program.error(`--probability must be between 0.5 and 1, got "${options.probability}"`);
      const [{ simulateRandomization }, { seedFromText }] = await Promise.all([import('../../randomization/simulate'), import('../../randomization/seed')]);
      const result = simulateRandomization({
        participants: options.participants,
        strata: options.strata,
        seed: seedFromText(options.seed),
        method: options.method as RandomizationMethod,
        blockSizes: options.blockSizes,
        minimisationProbability: probability,
      });
      if (options.json) {
        process.stdout.write(`${JSON.stringify(result)}\n`);
        return;
      }
      const lines = [`Method: ${options.method}, ${options.participants} participants, ${options.strata} strata`, 'stratum   ips  control  difference'];
      for (const row of result.strata) {
        lines.push(`${row.stratum.padEnd(8)} ${String(row.ips).padStart(4)} ${String(row.control).padStart(8)} ${String(row.ips - row.control).padStart(11)}`);
      }
      lines.push(`overall  ${String(result.overall.ips).padStart(4)} ${String(result.overall.control).padStart(8)} ${String(result.overall.ips - result.overall.control).padStart(11)}`);
      lines.push(`Largest imbalance within a stratum at any point: ${result.maxStratumImbalance}`);
      process.stdout.write(`${lines.join('\n')}\n`);
    });

  addDbOption(
    randomization
      .command('verify')
      .description('replay every allocation in the database from the sealed seed; exits 1 on any mismatch')
      .option('--seed-file <file>', 'the sealed seed (default: <secrets dir>/randomization-seed.key)'),
  ).action(async (options: { db?: string; seedFile?: string }) => {
    const config = configFromOptions(options);
    const [{ RANDOMIZATION_SEED, readSecretFile, trialSecret }, { openTrialDatabaseReadonly }, { verifyAllocations }] = await Promise.all([
      import('../../secrets'),
      import('../../db/open'),
      import('../../services/allocations'),
    ]);
    if (!existsSync(config.dbFile)) program.error(`no database at ${config.dbFile}`);
    if (options.seedFile && !existsSync(options.seedFile)) program.error(`no seed file at ${options.seedFile}`);
    // a seed file named here is the statistician's copy, checked by replaying; otherwise the database's own, checked against it
    const db = options.seedFile ? (await import('../../db/connection')).openDatabase(config.dbFile, { readonly: true }) : openTrialDatabaseReadonly(config);
    try {
      let seed: Buffer;
      try {
        seed = options.seedFile ? readSecretFile(options.seedFile, 32) : trialSecret(db, config.secretsDir, RANDOMIZATION_SEED);
      } catch (error) {
        program.error((error as Error).message);
      }
      const result = verifyAllocations(db, seed);
      if (result.mismatches.length === 0) {
        process.stdout.write(`${result.checked} allocations reproduced from the seed (fingerprint ${result.fingerprint})\n`);
      } else {
        for (const m of result.mismatches) process.stderr.write(`${m.label}: stored ${m.stored}, seed gives ${m.expected}\n`);
        process.stderr.write(`${result.mismatches.length} of ${result.checked} allocations do not match the seed (fingerprint ${result.fingerprint})\n`);
        process.exitCode = 1;
      }
    } finally {
      db.close();
    }
  });
}
