/**
 * `ips-trial power`: participants per arm for a two-arm IPS trial, for the
 * employment proportion (two proportions, R's power.prop.test) or a
 * difference in mean QALYs or utility (two means, R's power.t.test), inflated
 * for attrition. The arithmetic is `analysis/power`; this module reads the
 * options and prints. `--json` prints { nPerArm, nPerArmBeforeAttrition,
 * power, inputs } (ANALYSIS-DATASET.md, "Fieller, CEAF, EVPI, power").
 */
import type { Command } from 'commander';

interface Options {
  pIps?: string;
  pControl?: string;
  delta?: string;
  sd?: string;
  inmb?: string;
  wtp?: string;
  sdEffect?: string;
  sdCost?: string;
  rho: string;
  alpha: string;
  power: string;
  attrition: string;
  json?: boolean;
}

function number(command: Command, name: string, text: string | undefined): number {
  const value = Number(text);
  if (text === undefined || text.trim() === '' || !Number.isFinite(value)) command.error(`error: ${name} must be a number, got ${JSON.stringify(text ?? '')}`);
  return value;
}

async function run(options: Options, command: Command): Promise<void> {
  const [{ twoProportionsPower, twoProportionsSampleSize }, { twoMeansPower, twoMeansSampleSize }, { withAttrition }, { netBenefitSampleSize }] = await Promise.all([
    import('../../../analysis/power/two-proportions'),
    import('../../../analysis/power/two-means'),
    import('../../../analysis/power/sample-size'),
    import('../../../analysis/power/net-benefit-sample-size'),
  ]);
  const proportions = options.pIps !== undefined || options.pControl !== undefined;
  const means = options.delta !== undefined || options.sd !== undefined;
  const netBenefit = options.inmb !== undefined;
  if (Number(proportions) + Number(means) + Number(netBenefit) !== 1) {
    command.error('error: give either --p-ips and --p-control (employment proportions), --delta and --sd (difference in means), or --inmb with --wtp, --sd-effect, --sd-cost (net benefit)');
  }
  const alpha = number(command, '--alpha', options.alpha);
  const target = number(command, '--power', options.power);
  const attrition = number(command, '--attrition', options.attrition);
  try {
    let exact: number;
    let achieved: (n: number) => number;
    let inputs: Record<string, unknown>;
    if (netBenefit) {
      const design = {
        inmb: number(command, '--inmb', options.inmb),
        wtp: number(command, '--wtp', options.wtp),
        sdEffect: number(command, '--sd-effect', options.sdEffect),
        sdCost: number(command, '--sd-cost', options.sdCost),
        correlation: number(command, '--rho', options.rho),
        alpha,
      };
      exact = netBenefitSampleSize(design, target);
      // power reached: Φ(√(n / n(0.5))·z₁₋α/₂ − z₁₋α/₂) from n ∝ (z₁₋α/₂ + z_power)²
      const { normalCdf } = await import('../../../analysis/stats/normal-cdf');
      const { normalQuantile } = await import('../../../analysis/stats/normal-quantile');
      const za = normalQuantile(1 - alpha / 2);
      const half = netBenefitSampleSize(design, 0.5);
      achieved = (n) => normalCdf(za * Math.sqrt(n / half) - za);
      inputs = { outcome: 'net-benefit', ...design, power: target, attrition, method: 'two-sided normal approximation for INMB at the WTP (ANALYSIS-DATASET.md)' };
    } else if (proportions) {
      const design = { p1: number(command, '--p-ips', options.pIps), p2: number(command, '--p-control', options.pControl), alpha };
      exact = twoProportionsSampleSize(design, target);
      achieved = (n) => twoProportionsPower(design, n);
      inputs = { outcome: 'proportion', pIps: design.p1, pControl: design.p2, alpha, power: target, attrition, method: 'two-sided normal approximation without continuity correction (R power.prop.test)' };
    } else {
      const design = { delta: number(command, '--delta', options.delta), sd: number(command, '--sd', options.sd), alpha };
      exact = twoMeansSampleSize(design, target);
      achieved = (n) => twoMeansPower(design, n);
      inputs = { outcome: 'mean', delta: design.delta, sd: design.sd, alpha, power: target, attrition, method: 'two-sided two-sample t test (R power.t.test)' };
    }
    const size = withAttrition(exact, attrition);
    const power = achieved(size.nPerArmBeforeAttrition);
    if (options.json) {
      process.stdout.write(`${JSON.stringify({ nPerArm: size.nPerArm, nPerArmBeforeAttrition: size.nPerArmBeforeAttrition, power, inputs }, null, 2)}\n`);
      return;
    }
    process.stdout.write([
      `${size.nPerArm} participants per arm (${2 * size.nPerArm} in all) to randomize`,
      `${size.nPerArmBeforeAttrition} per arm analysed (n = ${exact.toFixed(2)} before rounding up), power ${(power * 100).toFixed(1)} % at two-sided alpha ${alpha}`,
      `attrition ${(attrition * 100).toFixed(0)} %: ${size.nPerArmBeforeAttrition} ÷ (1 − ${attrition}) rounded up`,
    ].join('\n') + '\n');
  } catch (error) {
    command.error(`error: ${(error as Error).message}`);
  }
}

export function register(program: Command): void {
  program
    .command('power')
    .description('participants per arm for the employment proportion or a difference in mean QALYs, with attrition')
    .option('--p-ips <p>', 'expected proportion employed in the IPS arm, e.g. 0.5')
    .option('--p-control <p>', 'expected proportion employed under usual care, e.g. 0.1')
    .option('--delta <d>', 'difference in mean QALYs (or utility) to detect, e.g. 0.05')
    .option('--sd <s>', 'standard deviation of QALYs (or utility) in each arm, e.g. 0.2')
    .option('--inmb <money>', 'expected incremental net monetary benefit at --wtp')
    .option('--wtp <money>', 'willingness to pay per QALY for --inmb')
    .option('--sd-effect <s>', 'SD of QALYs per participant in each arm (for --inmb)')
    .option('--sd-cost <s>', 'SD of cost per participant in each arm (for --inmb)')
    .option('--rho <r>', 'correlation of cost and QALYs in each arm (for --inmb)', '0')
    .option('--alpha <a>', 'two-sided significance level', '0.05')
    .option('--power <p>', 'power wanted', '0.8')
    .option('--attrition <a>', 'share expected lost to follow-up (0 to below 1)', '0')
    .option('--json', 'print { nPerArm, nPerArmBeforeAttrition, power, inputs }')
    .addHelpText('after', [
      '',
      'Examples (the seeds\' figures):',
      '  ips-trial power --p-ips 0.5 --p-control 0.1 --attrition 0.2        # employed at 18 months, 50 % vs 10 %',
      '  ips-trial power --p-ips 0.599 --p-control 0.465 --power 0.9 --json  # 59.9 % vs 46.5 %',
      '  ips-trial power --delta 0.05 --sd 0.2 --attrition 0.25              # difference in mean QALYs',
      '  ips-trial power --inmb 10000 --wtp 250000 --sd-effect 0.2 --sd-cost 60000   # net benefit at a WTP',
    ].join('\n'))
    .action((options: Options, command: Command) => run(options, command));
}
