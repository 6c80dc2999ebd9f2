/** The parts of jStat (https://jstat.github.io/) the analysis uses; jstat ships no types. */
declare module 'jstat' {
  interface JStat {
    studentt: { inv(p: number, df: number): number; cdf(x: number, df: number): number };
    /** regularized incomplete beta I_x(a, b) */
    ibeta(x: number, a: number, b: number): number;
    noncentralt: { cdf(x: number, df: number, ncp: number): number };
  }
  const jStat: JStat;
  export default jStat;
}
