/**
 * The `--db <file>` option shared by every command that touches the
 * database; without it the file comes from IPS_TRIAL_DB or data/trial.db.
 */
import type { Command } from 'commander';
import { loadConfig, type Config, type ConfigOverrides } from '../config';

export function addDbOption(command: Command): Command {
  return command.option('--db <file>', 'SQLite database file (default: $IPS_TRIAL_DB or data/trial.db)');
}

export function configFromOptions(options: { db?: string }, overrides: ConfigOverrides = {}): Config {
  return loadConfig(process.env, { ...overrides, dbFile: options.db });
}
