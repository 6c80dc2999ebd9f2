// Installs what the test suite needs from outside npm when it is missing:
// Debian's Chromium for the browser tests, and Debian's r-base-core so the
// export test can check that the generated load.R really loads with labels. Runs before `vitest run` as part of
// `npm test`, so a fresh machine needs no manual step.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const CHROMIUM = '/usr/bin/chromium';

function run(command) {
  process.stderr.write(`prepare-test-machine: ${command}\n`);
  execSync(command, { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

const RSCRIPT = '/usr/bin/Rscript';

const needChromium = !existsSync(CHROMIUM);
const needR = !existsSync(RSCRIPT);
if (needChromium || needR) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const sudo = isRoot ? '' : 'sudo ';
  const apt = `${sudo}apt-get -o DPkg::Lock::Timeout=900`;
  run(`${apt} update -qq`);
  if (needChromium) run(`${apt} install -y -qq chromium`);
  if (needR) run(`${apt} install -y -qq --no-install-recommends r-base-core`);
}
