/** IPS-25 fidelity scale scoring. */
export { scoreFidelity, fidelityBand, FidelityError } from './score';
export type { FidelityAnswers, FidelityArea, FidelityBand, FidelityScore } from './score';
