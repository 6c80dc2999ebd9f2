/**
 * The catalogue of EQ-5D value sets shipped with the product: every JSON file
 * in `value-sets/` (listed by the generated `value-sets/catalogue.ts`).
 */
import { valueSetFiles } from './value-sets/catalogue';
import { Eq5dError, type ValueSet, type ValueSetSummary } from './types';

const byId = new Map<string, ValueSet>();
for (const file of valueSetFiles as ValueSet[]) byId.set(file.id, Object.freeze(file));

/**
 * Every value set: id, the questionnaire whose states it scores (`eq5d3l` or
 * `eq5d5l`; crosswalks take 5L states), country, valuation method, citation
 * and DOI, in catalogue order (named sets, crosswalks, then the all-country
 * tables).
 */
export function listValueSets(): ValueSetSummary[] {
  return [...byId.values()].map(({ id, instrument, kind, country, method, citation, doi, derived }) => ({
    id, instrument, kind, country, method, citation, doi, derived,
  }));
}

/** The full value set (metadata and model), or an Eq5dError for an unknown id. */
export function getValueSet(id: string): ValueSet {
  const set = byId.get(id);
  if (!set) {
    throw new Eq5dError('unknown_value_set', `unknown EQ-5D value set "${id}" (list the ids with \`ips-trial eq5d-index --list\`)`, id);
  }
  return set;
}
