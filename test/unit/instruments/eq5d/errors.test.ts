import { describe, expect, it } from 'vitest';
import { Eq5dError, eq5dIndex, eq5dScorer } from '../../../../instruments/eq5d';

function errorOf(run: () => unknown): Eq5dError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(Eq5dError);
    return error as Eq5dError;
  }
  throw new Error('expected an Eq5dError, got a number');
}

describe('instruments/eq5d errors', () => {
  it('rejects an unknown value-set id, naming it', () => {
    const error = errorOf(() => eq5dIndex('eq5d5l_SE_Sun2021', '11111'));
    expect(error.code).toBe('unknown_value_set');
    expect(error.message).toContain('"eq5d5l_SE_Sun2021"');
  });

  it.each([
    ['1111', /"1111".*4 digits; expected 5/],
    ['111111', /6 digits; expected 5/],
    ['', /0 digits; expected 5/],
    ['12 11', /UA is missing/],
    ['1a111', /SC is "a", not a level/],
    ['01111', /MO is 0, outside 1–5/],
    ['11116', /AD is 6, outside 1–5/],
    [[1, 1, 1, 1], /4 dimensions; expected 5/],
    [[1, 1, null, 1, 1], /UA is missing/],
    [[1, 1, undefined, 1, 1], /UA is missing/],
    [[1, 1, Number.NaN, 1, 1], /UA is missing/],
    [[1, 1.5, 1, 1, 1], /SC is 1.5, not a level/],
    [[1, '2', 1, 1, 1], /SC is "2", not a level/],
    [11111, /must be a 5-digit string/],
    [null, /must be a 5-digit string/],
  ])('rejects the state %j for a 5L set', (state, message) => {
    const error = errorOf(() => eq5dIndex('eq5d5l_SE_Sun2022', state as never));
    expect(error.code).toBe('invalid_state');
    expect(error.message).toMatch(message);
    expect(error.valueSetId).toBe('eq5d5l_SE_Sun2022');
  });

  it('rejects a 5L state passed to a 3L set, saying so', () => {
    const error = errorOf(() => eq5dIndex('eq5d3l_SE_TTO_Burstrom2014', '12345'));
    expect(error.message).toBe(
      'EQ-5D state "12345" cannot be scored with eq5d3l_SE_TTO_Burstrom2014: PD is 4, outside 1–3; AD is 5, outside 1–3 ' +
        '(eq5d3l_SE_TTO_Burstrom2014 scores EQ-5D-3L states; for an EQ-5D-5L state use a 5L value set or a crosswalk)',
    );
  });

  it('takes 5L states in crosswalks and rejects level 6', () => {
    expect(eq5dIndex('crosswalk_5L_to_3L_UK_vanHout2012', '12345')).toBeCloseTo(0.063, 9);
    expect(errorOf(() => eq5dIndex('crosswalk_5L_to_3L_UK_vanHout2012', '12346')).message).toMatch(/AD is 6, outside 1–5/);
  });

  it('gives the same errors through a bound scorer', () => {
    const score = eq5dScorer('eq5d3l_UK_TTO_Dolan1997');
    expect(score('21312')).toBeCloseTo(0.416, 12);
    expect(errorOf(() => score('21412')).message).toMatch(/UA is 4, outside 1–3/);
    expect(errorOf(() => eq5dScorer('nope')).code).toBe('unknown_value_set');
  });
});
