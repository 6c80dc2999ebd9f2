/**
 * `ips-trial serve`: starts the web server (API + pages) on PORT. On a fresh
 * database it seeds the demo study and prints the demo logins, unless
 * `--no-demo` (or IPS_TRIAL_DEMO=0) asks for an empty database.
 */
import type { Command } from 'commander';
import { addDbOption, configFromOptions } from '../db-option';

interface ServeOptions {
  db?: string;
  port?: string;
  host?: string;
  demo: boolean;
}

export function register(program: Command): void {
  const command = program
    .command('serve')
    .description('start the web server (API and pages); seeds a demo study on a fresh database')
    .option('--port <port>', 'port to listen on (default: $PORT or 3000; 0 = any free port)')
    .option('--host <host>', 'address to listen on (default: $HOST or 0.0.0.0)')
    .option('--no-demo', 'start with an empty database (no demo study); also IPS_TRIAL_DEMO=0');
  addDbOption(command).action(async (options: ServeOptions) => {
    const config = configFromOptions(options, {
      port: options.port === undefined ? undefined : Number(options.port),
      host: options.host,
      demo: options.demo === false ? false : undefined,
    });
    if (!Number.isInteger(config.port) || config.port < 0 || config.port > 65535) {
      throw new Error(`--port must be a whole number from 0 to 65535`);
    }
    // the server (express, the routes, better-sqlite3, pino) is loaded only now, not for --help
    const [{ createLogger }, { startServer }, { DEMO_PASSWORD }] = await Promise.all([
      import('../../log'),
      import('../../start'),
      import('../../demo/index'),
    ]);
    const log = createLogger(config);
    let running;
    try {
      running = await startServer(config, log);
    } catch (err) {
      const e = err as NodeJS.ErrnoException;
      const message = e.code === 'EADDRINUSE' ? `port ${config.port} is already in use; choose another with --port or PORT` : e.message;
      process.stderr.write(`error: ${message}\n`);
      process.exit(1);
    }
    const lines = [`ips-trial ${config.version} listening on ${running.url}`, `database: ${config.dbFile}`];
    if (running.demo) {
      lines.push('', 'DEMO STUDY: synthetic data only, not for real participants.');
      if (running.demoLogins.length) {
        lines.push(`Demo logins (password for all: ${DEMO_PASSWORD}):`);
        for (const l of running.demoLogins) lines.push(`  ${l.role.padEnd(14)} ${l.email}${l.sites.length ? `  (sites ${l.sites.join(', ')})` : ''}`);
      } else {
        lines.push(`Demo logins as printed on first start, e.g. admin@demo.ips-trial.invalid / ${DEMO_PASSWORD}`);
      }
    }
    process.stdout.write(`${lines.join('\n')}\n`);
    const stop = (signal: string) => {
      log.info({ signal }, 'shutting down');
      void running.close().then(() => process.exit(0));
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });
}
