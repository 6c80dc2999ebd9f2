#!/usr/bin/env node
// Entry point of the `ips-trial` command. The code base is TypeScript run
// through tsx's loader, so `npx ips-trial …` works right after `npm ci`
// with no separate build step.
//
// On Node 20, tsx's loader hooks (`tsx/esm`, the module `node --import
// tsx/esm` installs) are registered straight into Node's module-loader
// thread. `register()` from `tsx/esm/api` would do the same but first loads
// tsx and esbuild on the main thread too, which costs 0.1–0.2 s of CPU on
// every command and is never used there (docs/operations.md, "Start-up").
// Where Node has in-thread hooks (`module.registerHooks`), or if a tsx
// version refuses the direct registration, tsx's documented API is used.
import module from 'node:module';

function registerInLoaderThread() {
  if (typeof module.registerHooks === 'function') return false;
  try {
    module.register('tsx/esm', import.meta.url, { data: {} });
  } catch {
    return false;
  }
  process.setSourceMapsEnabled(true); // as tsx does: stack traces name the .ts lines
  return true;
}

if (!registerInLoaderThread()) {
  const { register } = await import('tsx/esm/api');
  register();
}
await import('../server/bin/cli.ts');
