/** General Self-Efficacy Scale scoring. */
export { scoreGse, GseError } from './score';
export type { GseAnswers, GseScore } from './score';
