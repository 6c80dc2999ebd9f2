// Preloaded by bench/run.ts into a child process (`node --import`): when the
// process exits, writes its CPU time (user + system, s) and peak resident set
// size (MB) to the file named by IPS_BENCH_USAGE, so the benchmark can report
// the figures of a whole command (`ips-trial demo-data`, `ips-trial analyze`).
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  const file = process.env.IPS_BENCH_USAGE;
  if (!file) return;
  const cpu = process.cpuUsage();
  writeFileSync(file, JSON.stringify({ cpuSeconds: (cpu.user + cpu.system) / 1e6, peakMb: process.resourceUsage().maxRSS / 1024 }));
});
