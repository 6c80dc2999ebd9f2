/** Plain words for the IPS-25 fidelity bands (instruments/fidelity: 115–125, 100–114, 74–99, ≤ 73). */
const BAND_LABELS: Record<string, string> = {
  exemplary: 'exemplary fidelity',
  good: 'good fidelity',
  fair: 'fair fidelity',
  not_ips: 'not IPS',
};

export function fidelityBandLabel(band: unknown): string {
  const code = String(band ?? '');
  return BAND_LABELS[code] ?? code;
}
