/**
 * vega and vega-lite from their single-file builds (the UMD bundles each
 * package ships: vega/build/vega.js, vega-lite/build/vega-lite.min.js, same
 * version as their ES modules), compiled once as CommonJS-style functions.
 * Why: `ips-trial` runs through tsx's module hooks, and importing the two
 * packages' ES modules the ordinary way sends some hundred small modules
 * through those hooks one by one — about 0.6 s of CPU on every analyze, more
 * than drawing the report's charts. The two files load in about 60 ms.
 * The packages' exports maps do not list the files, so they are found next to
 * the module each package's entry point resolves to.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { runInThisContext } from 'node:vm';
import type * as VegaModule from 'vega';
import type * as VegaLiteModule from 'vega-lite';

/**
 * Evaluates a UMD bundle as CommonJS does (exports, module, require), with
 * `require` answering only the named dependencies.
 *
 * @throws when the bundle requires a module not in `dependencies`
 */
function loadUmd(file: string, dependencies: Record<string, unknown>): unknown {
  const source = readFileSync(file, 'utf8');
  const wrapper = runInThisContext(`(function (exports, module, require) {${source}\n})`, { filename: file }) as (
    exports: object,
    module: { exports: object },
    require: (id: string) => unknown,
  ) => void;
  const module = { exports: {} };
  wrapper(module.exports, module, (id) => {
    if (id in dependencies) return dependencies[id];
    throw new Error(`${file} requires ${id}, which vega-builds does not provide`);
  });
  return module.exports;
}

/** The folder of the file a package's entry point resolves to (its build/ folder for vega and vega-lite). */
const buildFolder = (name: string) => dirname(createRequire(import.meta.url).resolve(name));

export const vega = loadUmd(join(buildFolder('vega'), 'vega.js'), {}) as typeof VegaModule;
export const vegaLite = loadUmd(join(buildFolder('vega-lite'), 'vega-lite.min.js'), { vega }) as typeof VegaLiteModule;
