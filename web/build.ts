/**
 * Builds the web pages into `web/dist/` (or `outDir`) with esbuild: the
 * participant tablet page (`tablet.html`), the staff workspace (`index.html`,
 * the single-page entry the server falls back to) and the service worker
 * (`sw.js`, which precaches the tablet shell). Scripts and styles get
 * content-hashed names so a cached copy is never stale; the HTML files and
 * `sw.js` keep plain names. The build writes into a temporary folder and
 * swaps it in, so a running server never serves half a build.
 */
import { build, type Metafile, type Plugin } from 'esbuild';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const WEB = path.dirname(new URL(import.meta.url).pathname);
export const DEFAULT_OUT_DIR = path.join(WEB, 'dist');

/** Entry points: name → source. CSS entries become `<name>-<hash>.css`. */
const ENTRIES: Record<string, string> = {
  tablet: 'pages/tablet.ts',
  'tablet-style': 'styles/tablet.css',
  staff: 'pages/staff.ts',
  'staff-style': 'styles/staff.css',
};

/** HTML page → its template; `{{entry}}` is replaced by the entry's hashed file name. */
const PAGES: Record<string, string> = {
  'tablet.html': 'pages/tablet.html',
  'index.html': 'pages/index.html',
};

/** Keys of a form or field the pages never read (citations, codebook notes): left out of the bundles. */
const UNUSED_KEYS = new Set(['citation', 'note', 'licence', 'costItem', 'unit', 'pattern']);

/** Bundles the data dictionary's form JSON without the keys the pages never read. */
const slimForms: Plugin = {
  name: 'slim-forms',
  setup(builder) {
    builder.onLoad({ filter: /data-dictionary[\\/]forms[\\/].*\.json$/ }, (args) => {
      const form = JSON.parse(readFileSync(args.path, 'utf8'), (key, value: unknown) => (UNUSED_KEYS.has(key) ? undefined : value));
      return { contents: JSON.stringify(form), loader: 'json' };
    });
  },
};

export interface WebBuildResult {
  outDir: string;
  /** every file written, relative to outDir */
  files: string[];
  /** the files a participant's browser downloads to open the tablet page */
  tabletShell: string[];
  /** bytes of the tablet shell: raw and gzip-compressed (what crosses a 3G link) */
  tabletBytes: { raw: number; gzip: number };
}

export interface WebBuildOptions {
  outDir?: string;
  minify?: boolean;
}

function entryOutputs(metafile: Metafile, outDir: string): Record<string, string> {
  const byEntry: Record<string, string> = {};
  for (const [file, output] of Object.entries(metafile.outputs)) {
    if (!output.entryPoint || file.endsWith('.map')) continue;
    const name = Object.keys(ENTRIES).find((key) => path.resolve(WEB, ENTRIES[key]) === path.resolve(WEB, output.entryPoint!));
    if (name) byEntry[name] = path.relative(outDir, path.resolve(WEB, file));
  }
  return byEntry;
}

function fillTemplate(template: string, outputs: Record<string, string>, page: string): string {
  return template.replace(/\{\{([a-z-]+)\}\}/g, (_match, name: string) => {
    const file = outputs[name];
    if (!file) throw new Error(`${page}: unknown entry {{${name}}} (known: ${Object.keys(outputs).join(', ')})`);
    return `/${file}`;
  });
}

/** Builds everything; throws with esbuild's message when a source does not compile. */
export async function buildWeb(options: WebBuildOptions = {}): Promise<WebBuildResult> {
  const outDir = path.resolve(options.outDir ?? DEFAULT_OUT_DIR);
  const minify = options.minify ?? true;
  const work = `${outDir}.building-${process.pid}-${Date.now()}`;
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  try {
    const result = await build({
      absWorkingDir: WEB,
      entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([name, source]) => [name, path.join(WEB, source)])),
      outdir: work,
      entryNames: '[name]-[hash]',
      bundle: true,
      minify,
      format: 'iife',
      // old tablets: Safari 12 / Chrome 70 era
      target: ['es2018', 'safari12', 'chrome70'],
      metafile: true,
      plugins: [slimForms],
      legalComments: 'none',
      logLevel: 'silent',
    });
    const outputs = entryOutputs(result.metafile, work);
    for (const [page, template] of Object.entries(PAGES)) {
      writeFileSync(path.join(work, page), fillTemplate(readFileSync(path.join(WEB, template), 'utf8'), outputs, page));
    }
    const tabletShell = ['tablet.html', outputs.tablet, outputs['tablet-style']];
    const version = createHash('sha256').update(tabletShell.map((f) => readFileSync(path.join(work, f))).join('\n')).digest('hex').slice(0, 16);
    await build({
      absWorkingDir: WEB,
      entryPoints: [path.join(WEB, 'sw.ts')],
      outfile: path.join(work, 'sw.js'),
      bundle: true,
      minify,
      format: 'iife',
      target: ['es2018'],
      define: {
        __SHELL__: JSON.stringify(tabletShell.map((f) => `/${f}`)),
        __VERSION__: JSON.stringify(version),
      },
      logLevel: 'silent',
    });
    const raw = tabletShell.reduce((sum, f) => sum + statSync(path.join(work, f)).size, 0);
    const gzip = tabletShell.reduce((sum, f) => sum + gzipSync(readFileSync(path.join(work, f)), { level: 9 }).length, 0);
    // swap the finished build in
    const old = `${outDir}.old-${process.pid}-${Date.now()}`;
    if (existsSync(outDir)) renameSync(outDir, old);
    renameSync(work, outDir);
    rmSync(old, { recursive: true, force: true });
    return { outDir, files: readdirSync(outDir).sort(), tabletShell, tabletBytes: { raw, gzip } };
  } catch (error) {
    rmSync(work, { recursive: true, force: true });
    throw error;
  }
}
