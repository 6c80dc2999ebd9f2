/**
 * `ips-trial build-web`: bundles the tablet and staff pages into `web/dist/`
 * (esbuild, minified, content-hashed scripts and styles) and prints the
 * participant page's transfer size. `npm start` and `npm test` run it first.
 */
import path from 'node:path';
import type { Command } from 'commander';

/**
 * web/build.ts's DEFAULT_OUT_DIR (web/dist), computed the same way here so
 * that `--help` does not load esbuild (test/integration/cli/start-up.test.ts checks they agree).
 */
export const WEB_DIST_DEFAULT = path.join(path.dirname(new URL('../../../web/build.ts', import.meta.url).pathname), 'dist');

export function register(program: Command): void {
  program
    .command('build-web')
    .description('Build the tablet and staff web pages into web/dist (run by npm start and npm test)')
    .option('--out <dir>', 'output folder', WEB_DIST_DEFAULT)
    .option('--no-minify', 'keep the bundles readable (debugging)')
    .option('--quiet', 'print nothing on success')
    .action(async (options: { out: string; minify: boolean; quiet?: boolean }) => {
      const { buildWeb } = await import('../../../web/build');
      const result = await buildWeb({ outDir: options.out, minify: options.minify });
      if (!options.quiet) {
        const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
        process.stdout.write(`web pages built in ${result.outDir} (${result.files.length} files); tablet page ${kb(result.tabletBytes.gzip)} gzip, ${kb(result.tabletBytes.raw)} raw\n`);
      }
    });
}
