/**
 * Municipality of residence as a coded list: the Swedish kommuner (SCB's
 * kommunkoder, 290, 4 digits, the first two the län) and the Danish
 * kommuner (Danmarks Statistik / DAGI kommunekoder, 98, 3 digits), from the
 * data files beside this module (each names its official source and the date
 * of the classification). The baseline field `municipality` takes its
 * choices from here, so the data dictionary stays the one source of truth
 * for validation, forms and labels. Stored codes are `se_0180` / `dk_101`:
 * the official code with its country, a lower_snake word as every string
 * code of the dictionary (and never confused with a number).
 */
import type { Choice } from './types';
import dk from './municipalities/dk-kommuner-2025.json';
import se from './municipalities/se-kommuner-2025.json';

export interface Municipality {
  country: 'SE' | 'DK';
  /** the official code: 4 digits in Sweden, 3 in Denmark */
  code: string;
  name: string;
  /** Sweden: the län code (2 digits); Denmark: the region code (4 digits) */
  county: string;
}

export const SWEDISH_MUNICIPALITIES: readonly Municipality[] = se.municipalities.map((m) => ({ country: 'SE', code: m.code, name: m.name, county: m.county }));
export const DANISH_MUNICIPALITIES: readonly Municipality[] = dk.municipalities.map((m) => ({ country: 'DK', code: m.code, name: m.name, county: m.region }));
export const SWEDISH_COUNTIES: readonly { code: string; name: string }[] = se.counties;
export const DANISH_REGIONS: readonly { code: string; name: string }[] = dk.regions;
/** Where each list comes from (for the codebook and docs). */
export const MUNICIPALITY_SOURCES = [se, dk].map(({ classification, publisher, source, validFrom, caveat }) => ({ classification, publisher, source, validFrom, caveat }));

/** The stored code of a municipality: `se_0180`, `dk_101`. */
export const municipalityCode = (m: Municipality): string => `${m.country.toLowerCase()}_${m.code}`;

const byCode = new Map([...SWEDISH_MUNICIPALITIES, ...DANISH_MUNICIPALITIES].map((m) => [municipalityCode(m), m]));

/** The municipality of a stored code, or undefined (an unknown code, or free text stored before the coded list). */
export function findMunicipality(code: unknown): Municipality | undefined {
  return typeof code === 'string' ? byCode.get(code) : undefined;
}

/**
 * The choices of the baseline field: Swedish then Danish, each by code. The
 * name is the label in every language; the other country's municipalities
 * carry their country in brackets ("København (Danmark)" in Swedish).
 */
export function municipalityChoices(): Choice[] {
  const label = (m: Municipality) => (m.country === 'SE'
    ? { sv: m.name, da: `${m.name} (Sverige)`, en: `${m.name} (Sweden)` }
    : { sv: `${m.name} (Danmark)`, da: m.name, en: `${m.name} (Denmark)` });
  return [...SWEDISH_MUNICIPALITIES, ...DANISH_MUNICIPALITIES].map((m) => ({ code: municipalityCode(m), labels: label(m) }));
}
