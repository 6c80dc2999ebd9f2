/**
 * `ips-trial user add|list|password|reset-totp`: staff accounts from the
 * command line, e.g. the first admin of a production database, or the only
 * admin who lost the phone with their second factor. The password is read from
 * a hidden prompt or from stdin, never from an argument.
 */
import type { Command } from 'commander';
import { addDbOption, configFromOptions } from '../db-option';
import { readPassword } from '../read-password';
import { findUserByEmail, ROLES, type Role } from '../../db/queries/users';
import { Problem } from '../../errors';

/** The database and the account services, loaded when a `user` command runs (not for --help). */
async function loadServices() {
  const [{ openTrialDatabase }, { cliActor }, { createStaffUser, listStaffUsers, resetPassword }, { resetTotp }] = await Promise.all([
    import('../../db/open'),
    import('../../services/audit'),
    import('../../services/users'),
    import('../../services/totp'),
  ]);
  return { openTrialDatabase, cliActor, createStaffUser, listStaffUsers, resetPassword, resetTotp };
}

function fail(err: unknown): never {
  const message = err instanceof Problem ? (err.fields?.map((f) => f.message).join('; ') || err.message) : (err as Error).message;
  process.stderr.write(`error: ${message}\n`);
  process.exit(1);
}

interface AddOptions {
  db?: string;
  email: string;
  role: string;
  name?: string;
  site: string[];
}

async function add(options: AddOptions): Promise<void> {
  if (!ROLES.includes(options.role as Role)) fail(new Error(`--role must be one of ${ROLES.join(', ')}`));
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(options.email)) fail(new Error(`--email '${options.email}' is not an email address`));
  const config = configFromOptions(options);
  const { openTrialDatabase, cliActor, createStaffUser } = await loadServices();
  const db = openTrialDatabase(config);
  try {
    const password = await readPassword('Password for the new account');
    const user = await createStaffUser(db, cliActor(), {
      email: options.email,
      display_name: options.name ?? options.email.split('@')[0],
      role: options.role as Role,
      password,
      site_codes: options.site,
    }, config.passwordCost);
    process.stdout.write(`created ${user.role} ${user.email} (id ${user.id})${user.sites.length ? ` at ${user.sites.join(', ')}` : ''}\n`);
  } catch (err) {
    fail(err);
  } finally {
    db.close();
  }
}

async function list(options: { db?: string }): Promise<void> {
  const config = configFromOptions(options);
  const { openTrialDatabase, listStaffUsers } = await loadServices();
  const db = openTrialDatabase(config);
  try {
    for (const u of listStaffUsers(db)) {
      process.stdout.write(`${String(u.id).padStart(4)}  ${u.role.padEnd(14)} ${u.active ? 'active  ' : 'inactive'}  ${u.email}  ${u.sites.join(',')}\n`);
    }
  } finally {
    db.close();
  }
}

async function password(options: { db?: string; email: string }): Promise<void> {
  const config = configFromOptions(options);
  const { openTrialDatabase, cliActor, resetPassword } = await loadServices();
  const db = openTrialDatabase(config);
  try {
    const user = findUserByEmail(db, options.email);
    if (!user) fail(new Error(`there is no staff user ${options.email}`));
    await resetPassword(db, cliActor(), user.id, await readPassword('New password'), config.passwordCost);
    process.stdout.write(`password of ${user.email} changed; their sessions were ended\n`);
  } catch (err) {
    fail(err);
  } finally {
    db.close();
  }
}

async function resetSecondFactor(options: { db?: string; email: string; reason: string }): Promise<void> {
  const config = configFromOptions(options);
  const { openTrialDatabase, cliActor, resetTotp } = await loadServices();
  const db = openTrialDatabase(config);
  try {
    const user = findUserByEmail(db, options.email);
    if (!user) fail(new Error(`there is no staff user ${options.email}`));
    resetTotp(db, cliActor(), user.id, options.reason);
    process.stdout.write(`two-step verification of ${user.email} reset; their sessions were ended and they set it up again at the next login\n`);
  } catch (err) {
    fail(err);
  } finally {
    db.close();
  }
}

export function register(program: Command): void {
  const user = program.command('user').description('manage staff accounts');
  addDbOption(
    user
      .command('add')
      .description('create a staff account; the password is read from a hidden prompt or the first line of stdin')
      .requiredOption('--email <email>', 'login email')
      .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
      .option('--name <name>', 'display name (default: the part of the email before @)')
      .option('--site <code>', 'site code the account belongs to (repeatable)', (v: string, all: string[]) => [...all, v], []),
  ).action(add);
  addDbOption(user.command('list').description('list staff accounts')).action(list);
  addDbOption(
    user
      .command('password')
      .description("set a staff member's password (read from a hidden prompt or stdin) and end their sessions")
      .requiredOption('--email <email>', 'login email'),
  ).action(password);
  addDbOption(
    user
      .command('reset-totp')
      .description("remove a staff member's two-step verification (a lost phone), end their sessions; audited with the reason")
      .requiredOption('--email <email>', 'login email')
      .requiredOption('--reason <text>', 'why (kept in the audit trail)'),
  ).action(resetSecondFactor);
}
