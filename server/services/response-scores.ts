/**
 * Scores stored with a complete questionnaire response, each with what
 * produced it: the EQ-5D index with the study's value set id
 * (instruments/eq5d) and the GSE score (instruments/gse: sum of the ten
 * 1–4 items, 10–40, prorated with up to three missing).
 */
import { getForm } from '../../data-dictionary/index';
import { eq5dIndex } from '../../instruments/eq5d/index';
import { scoreGse } from '../../instruments/gse/index';
import { problems } from '../errors';
import type { Answers } from './operations-forms';

const EQ5D_DIMENSIONS = ['eq5d_mo', 'eq5d_sc', 'eq5d_ua', 'eq5d_pd', 'eq5d_ad'];

export function scoreResponse(form: string, answers: Answers, valueSetId: string): Record<string, unknown> | null {
  if (form === 'eq5d5l' || form === 'eq5d3l') {
    const state = EQ5D_DIMENSIONS.map((d) => answers[d]);
    if (!state.every((v) => typeof v === 'number')) return { eq5d_index: null, value_set_id: valueSetId, instrument: form };
    const expected = valueSetId.startsWith('eq5d3l') ? 'eq5d3l' : 'eq5d5l';
    if (expected !== form) {
      throw problems.conflict(`The study scores EQ-5D with value set ${valueSetId} (${expected}); this response is ${form}`);
    }
    return { eq5d_index: eq5dIndex(valueSetId, state as number[]), value_set_id: valueSetId, instrument: form, instrument_version: getForm(form)?.instrument?.version ?? null };
  }
  if (form === 'gse') {
    const items = Object.fromEntries(Object.entries(answers).filter(([k]) => /^gse_\d\d$/.test(k))) as Record<string, number>;
    const { score, answered, imputed } = scoreGse(items);
    return { gse_score: score, answered, imputed, instrument: 'gse', instrument_version: getForm('gse')?.instrument?.version ?? null };
  }
  return null;
}
