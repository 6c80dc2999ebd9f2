/**
 * Checks shared by the chart tests: validate a spec against vega-lite's own
 * JSON schema (ajv) and compile it with vega-lite, capturing every warning.
 */
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { compile, type TopLevelSpec } from 'vega-lite';

const require = createRequire(import.meta.url);
// vega-lite exports its schema as `vega-lite/vega-lite-schema.json` (build/vega-lite-schema.json)
const schema = JSON.parse(readFileSync(require.resolve('vega-lite/vega-lite-schema.json'), 'utf8')) as object;
const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
addFormats(ajv);
ajv.addFormat('color-hex', /^#([0-9a-f]{3}|[0-9a-f]{6})$/i);
const validateSchema = ajv.compile(schema);

/** schema errors as readable strings (empty when the spec is valid) */
export function schemaErrors(spec: TopLevelSpec): string[] {
  return validateSchema(spec) ? [] : (validateSchema.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

/** compiles the spec and returns the warnings (and errors) vega-lite logged */
export function compileWarnings(spec: TopLevelSpec): string[] {
  const messages: string[] = [];
  const logger = {
    level() { return this as never; },
    warn(...args: unknown[]) { messages.push(`warn: ${args.join(' ')}`); return this as never; },
    info() { return this as never; },
    debug() { return this as never; },
    error(...args: unknown[]) { messages.push(`error: ${args.join(' ')}`); return this as never; },
  };
  compile(spec, { logger: logger as never });
  return messages;
}
