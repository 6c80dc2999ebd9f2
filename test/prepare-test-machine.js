// Installs what the test suite needs from outside npm when it is missing:
// Debian's Chromium for the browser tests. Runs before `vitest run` as part of
// `npm test`, so a fresh machine needs no manual step.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const CHROMIUM = '/usr/bin/chromium';

function run(command) {
  process.stderr.write(`prepare-test-machine: ${command}\n`);
  execSync(command, { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

if (!existsSync(CHROMIUM)) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const sudo = isRoot ? '' : 'sudo ';
  run(`${sudo}apt-get update -qq -o DPkg::Lock::Timeout=900`);
  run(`${sudo}apt-get install -y -qq -o DPkg::Lock::Timeout=900 chromium`);
}
