import { describe, expect, it } from 'vitest';
import { expectedMinutes } from '../../../web/tablet/expected-minutes';

describe('web/tablet/expected-minutes', () => {
  it('says about 20 seconds a question in whole 5 minutes', () => {
    expect(expectedMinutes(34)).toBe(10); // 11.3 minutes
    expect(expectedMinutes(27)).toBe(10); // 9 minutes
    expect(expectedMinutes(60)).toBe(20);
  });

  it('never says less than 5 minutes', () => {
    expect(expectedMinutes(1)).toBe(5);
    expect(expectedMinutes(0)).toBe(5);
  });
});
