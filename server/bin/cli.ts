/**
 * The `ips-trial` command line. Each command lives in its own module under
 * `server/bin/commands/` and is listed in `commands/index.ts`; this file only
 * assembles them into one commander program.
 */
import { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { commands } from './commands/index';

const packageJson = JSON.parse(
  readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
) as { version: string };

export function buildProgram(): Command {
  const program = new Command('ips-trial')
    .description('IPS trial platform: data capture, randomization, exports and cost-effectiveness reports')
    .version(packageJson.version)
    .showHelpAfterError()
    .enablePositionalOptions();
  for (const registerCommand of commands) registerCommand(program);
  return program;
}

try {
  await buildProgram().parseAsync(process.argv);
} catch (error) {
  // a missing, damaged or foreign secret key (server/secrets.ts): one line, no stack
  if ((error as Error).name !== 'SecretProblem') throw error;
  process.stderr.write(`error: ${(error as Error).message}\n`);
  process.exit(1);
}
