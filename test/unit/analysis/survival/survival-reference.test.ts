import { describe, expect, it } from 'vitest';
import { ARMS } from '../../../../analysis/dataset/types';
import { regularEmployment } from '../../../../analysis/outcomes/regular-employment';
import { coxEfron } from '../../../../analysis/survival/cox-efron';
import { kaplanMeier, Z_975 } from '../../../../analysis/survival/kaplan-meier';
import { logRank } from '../../../../analysis/survival/log-rank';
import { analyseTimeToFirstJob } from '../../../../analysis/survival/time-to-first-job-analysis';
import { timesToFirstJob } from '../../../../analysis/survival/time-to-first-job';
import { close, employmentOf, participantsOf, reference } from './survival-fixture';

describe('time to first competitive job against R survival (test/reference/survival.R)', () => {
  it('uses the same z as R', () => {
    // the fixture holds 15 significant digits
    expect(close(Z_975, reference.z, 1e-14)).toBe(true);
  });

  for (const c of reference.cases) {
    describe(c.name, () => {
      const dataset = regularEmployment(
        { participants: participantsOf(c), employment: employmentOf(c), assessments: [], serviceUse: [], timelogs: [], unitCosts: [] },
        c.countWageSubsidised,
      );
      const { times, employedAtRandomization } = timesToFirstJob(dataset.participants, dataset.employment);

      it("gives every participant R's time and event, leaving out those in a job at randomization", () => {
        const want = c.times.pid.flatMap((pid, i) => (c.times.included[i] ? [{ pid, arm: c.times.arm[i], time: c.times.time[i], event: c.times.event[i] === 1 }] : []));
        expect(times).toEqual(want);
        expect(employedAtRandomization).toEqual(c.employedAtRandomization);
      });

      for (const arm of ARMS) {
        const want = c.arms[arm];
        const rows = times.filter((row) => row.arm === arm);
        it(`${arm}: Kaplan–Meier curve, Greenwood SE and log interval as survfit`, () => {
          const fit = kaplanMeier(rows);
          expect(fit.n).toBe(want.n);
          expect(fit.events).toBe(want.events);
          expect(fit.curve.map((s) => [s.day, s.atRisk, s.events, s.censored])).toEqual(
            want.curve.time.map((t, i) => [t, want.curve.n_risk[i], want.curve.n_event[i], want.curve.n_censor[i]]));
          fit.curve.forEach((step, i) => {
            expect(close(step.survival, want.curve.surv[i], 1e-12)).toBe(true);
            const stdErr = want.curve.std_err[i];
            expect(close(Number.isFinite(fit.cumulativeHazardSe[i]) ? fit.cumulativeHazardSe[i] : null, stdErr)).toBe(true);
            expect(close(step.se, stdErr === null ? null : stdErr * want.curve.surv[i])).toBe(true);
            expect(close(step.ci95?.[0] ?? null, want.curve.lower[i])).toBe(true);
            expect(close(step.ci95?.[1] ?? null, want.curve.upper[i])).toBe(true);
          });
          expect([fit.median, ...fit.medianCi95]).toEqual(want.median.log);
        });

        it(`${arm}: log-log interval and its median interval as survfit(conf.type = "log-log")`, () => {
          const fit = kaplanMeier(rows, 'log-log');
          fit.curve.forEach((step, i) => {
            expect(close(step.ci95?.[0] ?? null, want.curve.lower_loglog[i])).toBe(true);
            expect(close(step.ci95?.[1] ?? null, want.curve.upper_loglog[i])).toBe(true);
          });
          expect([fit.median, ...fit.medianCi95]).toEqual(want.median.loglog);
        });
      }

      it('log-rank chi-square, p, observed and expected as survdiff', () => {
        const test = logRank(times);
        expect(test).not.toBeNull();
        expect(close(test?.chiSquare, c.logRank.chisq, 1e-9)).toBe(true);
        expect(Math.abs((test?.p as number) - c.logRank.p) / c.logRank.p).toBeLessThan(1e-8);
        expect(test?.observed).toEqual(c.logRank.observed);
        for (const arm of ARMS) expect(close(test?.expected[arm], c.logRank.expected[arm], 1e-12)).toBe(true);
      });

      it(c.cox.infinite ? 'no hazard ratio where coxph warns the coefficient may be infinite' : 'hazard ratio, Wald interval and p as coxph (Efron ties)', () => {
        const cox = coxEfron(times);
        if (c.cox.infinite) {
          expect(cox).toBeNull();
          return;
        }
        expect(cox).not.toBeNull();
        const hr = cox as NonNullable<typeof cox>;
        expect(close(hr.logHazardRatio, c.cox.coef, 1e-9)).toBe(true);
        // R's default convergence (eps 1e-9) lands within 1e-8 of the maximum
        expect(close(hr.logHazardRatio, c.cox.defaultCoef, 1e-8)).toBe(true);
        expect(close(hr.se, c.cox.se, 1e-9)).toBe(true);
        expect(close(hr.estimate, c.cox.hr, 1e-9)).toBe(true);
        expect(close(hr.ci95[0], c.cox.lower, 1e-9)).toBe(true);
        expect(close(hr.ci95[1], c.cox.upper, 1e-9)).toBe(true);
        expect(Math.abs(hr.p - c.cox.p) / c.cox.p).toBeLessThan(1e-8);
        expect(close(hr.logLikelihood[0], c.cox.loglik[0], 1e-12)).toBe(true);
        expect(close(hr.logLikelihood[1], c.cox.loglik[1], 1e-12)).toBe(true);
      });

      it('the result.json field carries the same numbers', () => {
        const { result, warnings } = analyseTimeToFirstJob(dataset);
        expect(result.confType).toBe('log');
        for (const arm of ARMS) {
          expect(result.arms[arm].analysed).toBe(c.arms[arm].n);
          expect(result.arms[arm].events).toBe(c.arms[arm].events);
          expect(result.arms[arm].employedAtRandomization).toBe(c.employedAtRandomization[arm]);
          expect([result.arms[arm].median, ...result.arms[arm].medianCi95]).toEqual(c.arms[arm].median.log);
          expect(result.arms[arm].curve.map((s) => s.survival)).toEqual(kaplanMeier(times.filter((t) => t.arm === arm)).curve.map((s) => s.survival));
        }
        expect(close(result.logRank?.p, c.logRank.p, 1e-8)).toBe(true);
        if (c.cox.infinite) {
          expect(result.hazardRatio).toBeNull();
          expect(warnings.some((w) => w.includes('no Cox hazard ratio'))).toBe(true);
        } else {
          expect(close(result.hazardRatio?.estimate, c.cox.hr, 1e-9)).toBe(true);
          expect(warnings).toEqual([]);
        }
      });
    });
  }
});
