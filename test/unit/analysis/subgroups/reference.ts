/** Typed view of test/reference/subgroups-mnar.json (written by test/reference/subgroups-mnar.R). */
import { readJson } from '../helpers/load-folder';

export interface RCoefficient {
  estimate: number;
  standardError: number;
  df: number;
  ci95: [number, number];
}
type MaybeCoefficient = RCoefficient | Record<string, never>;
interface RLevel {
  level: string;
  n: { ips: number; control: number };
  cost: MaybeCoefficient;
  effect: MaybeCoefficient;
  inmb: MaybeCoefficient;
}
export interface RCompleted {
  arm: number[];
  u0: number[]; u6: number[]; u12: number[]; u18: number[]; u24: number[];
  su6: number[]; su12: number[]; su18: number[]; su24: number[];
  staff1: number[]; staff2: number[];
}
export interface RShifts {
  utility: { ips: number; control: number };
  cost: { ips: number; control: number };
}
export interface RReference {
  wtp: number;
  discountRate: number;
  completeCase: {
    trial: string;
    wtp: number;
    n: number;
    subgroups: { name: string; levels: RLevel[]; interaction: { f: number; df1: number; df2: number; p: number } }[];
  }[];
  multipleImputation: {
    wtp?: number;
    sex: string[];
    age_band: string[];
    site: string[];
    missing: Record<'u6' | 'u12' | 'u18' | 'u24' | 'su6' | 'su12' | 'su18' | 'su24', number[]>;
    completed: RCompleted[];
    subgroups: { name: string; levels: Omit<RLevel, 'n'>[]; interaction: { statistic: number; df1: number; df2: number; p: number } }[];
    mnar: (RCoefficient & { shifts: RShifts; analyticShift: number })[];
  };
}

export const reference = readJson<RReference>(new URL('../../../reference/subgroups-mnar.json', import.meta.url).pathname);
