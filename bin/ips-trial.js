#!/usr/bin/env node
// Entry point of the `ips-trial` command. The code base is TypeScript run
// through tsx's loader, so `npx ips-trial …` works right after `npm ci`
// with no separate build step.
//
// tsx's loader hooks (`tsx/esm`, the module `node --import tsx/esm` installs)
// are registered straight into Node's module-loader thread. `register()` from
// `tsx/esm/api` would do the same but first loads tsx and esbuild on the main
// thread too, which costs about 0.2–0.3 s of CPU on every command and is
// never used there (docs/operations.md, "Start-up"). If a tsx version ever
// refuses this, the documented API is used instead.
import { register } from 'node:module';

try {
  register('tsx/esm', import.meta.url, { data: {} });
  process.setSourceMapsEnabled(true); // as tsx does: stack traces name the .ts lines
} catch {
  const { register: registerTsx } = await import('tsx/esm/api');
  registerTsx();
}
await import('../server/bin/cli.ts');
