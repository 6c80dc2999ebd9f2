/** The pure parts of the correction mechanism: which fields changed, and how changed fields merge into a stored record. */
import { describe, expect, it } from 'vitest';
import { changedFields, flatten, mergePatch, readReason } from '../../../server/services/record-corrections';

describe('server/services/record-corrections', () => {
  it('flattens nested answers and scores to dotted keys, leaving out null and missing values', () => {
    expect(flatten({ answers: { eq5d_mo: 2, eq5d_sc: null }, scores: { eq5d_index: 0.9 }, answered_on: '2026-01-14', out_of_window_reason: null }))
      .toEqual({ 'answers.eq5d_mo': 2, 'scores.eq5d_index': 0.9, answered_on: '2026-01-14' });
  });

  it('lists only the fields whose value differs, with both values (null when absent), sorted', () => {
    const before = { answers: { eq5d_mo: 2, eq5d_sc: 1 }, scores: { eq5d_index: 0.9, value_set_id: 'x' } };
    const after = { answers: { eq5d_mo: 4, eq5d_sc: 1, extra: true }, scores: { eq5d_index: 0.7, value_set_id: 'x' } };
    expect(changedFields(before, after)).toEqual({
      'answers.eq5d_mo': { before: 2, after: 4 },
      'answers.extra': { before: null, after: true },
      'scores.eq5d_index': { before: 0.9, after: 0.7 },
    });
    expect(changedFields(before, structuredClone(before))).toEqual({});
    // a number is not the same as its text
    expect(Object.keys(changedFields({ minutes: 45 }, { minutes: '45' }))).toEqual(['minutes']);
  });

  it('merges changed fields into the stored record: a value replaces, null clears, the stored record is untouched', () => {
    const stored = { episode_type: 'competitive', episode_start_date: '2026-02-01', episode_end_date: '2026-05-01' };
    expect(mergePatch(stored, { episode_end_date: null, hours_per_week: 20 })).toEqual({ episode_type: 'competitive', episode_start_date: '2026-02-01', hours_per_week: 20 });
    expect(stored.episode_end_date).toBe('2026-05-01');
  });

  it('requires a non-blank reason of at most 500 characters', () => {
    expect(readReason('  Typo on entry ')).toBe('Typo on entry');
    for (const missing of [undefined, null, '', '   ']) expect(() => readReason(missing)).toThrow(expect.objectContaining({ code: 'reason_required' }));
    expect(() => readReason('x'.repeat(501))).toThrow(expect.objectContaining({ code: 'invalid_body' }));
    expect(() => readReason(42)).toThrow(expect.objectContaining({ code: 'invalid_body' }));
  });
});
