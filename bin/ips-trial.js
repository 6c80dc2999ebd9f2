#!/usr/bin/env node
// Entry point of the `ips-trial` command. The code base is TypeScript run
// through tsx's loader, so `npx ips-trial …` works right after `npm ci`
// with no separate build step.
import { register } from 'tsx/esm/api';

register();
await import('../server/bin/cli.ts');
