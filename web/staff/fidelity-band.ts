/** Plain words for the IPS-25 fidelity bands (instruments/fidelity: 115–125, 100–114, 74–99, ≤ 73), in the chosen language. */
import { t, type MessageKey } from './texts/index';

const BANDS = ['exemplary', 'good', 'fair', 'not_ips'];

export function fidelityBandLabel(band: unknown): string {
  const code = String(band ?? '');
  return BANDS.includes(code) ? t(`band.${code}` as MessageKey) : code;
}
