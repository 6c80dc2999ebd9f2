import { describe, expect, it } from 'vitest';
import { TEXTS } from '../../../web/tablet/texts';
import { plural } from '../../../web/tablet/plural';

describe('web/tablet/texts', () => {
  it('says one missing answer in the singular and more in the plural', () => {
    expect(TEXTS.sv.missing(1)).toBe('1 fråga saknar svar. Svara på den innan du skickar in.');
    expect(TEXTS.sv.missing(3)).toBe('3 frågor saknar svar. Svara på dem innan du skickar in.');
    expect(TEXTS.da.missing(1)).toBe('1 spørgsmål mangler svar. Besvar det, før du indsender.');
    expect(TEXTS.da.missing(2)).toBe('2 spørgsmål mangler svar. Besvar dem, før du indsender.');
    expect(TEXTS.en.missing(1)).toBe('1 question has no answer. Answer it before you submit.');
    expect(TEXTS.en.missing(12)).toBe('12 questions have no answer. Answer them before you submit.');
  });

  it('tells staff of one kept form in the singular', () => {
    expect(TEXTS.sv.undelivered(1)).toMatch(/^Personal: 1 formulär .* Det finns kvar på surfplattan\.$/);
    expect(TEXTS.sv.undelivered(2)).toMatch(/ De finns kvar på surfplattan\.$/);
    expect(TEXTS.da.undelivered(1)).toMatch(/^Personale: 1 skema .* Det ligger stadig på tabletten\.$/);
    expect(TEXTS.da.undelivered(4)).toMatch(/^Personale: 4 skemaer .* De ligger stadig på tabletten\.$/);
    expect(TEXTS.en.undelivered(1)).toMatch(/^Staff: 1 form .* It is kept on this tablet\.$/);
    expect(TEXTS.en.refused(1)).toMatch(/^1 answer could/);
    expect(TEXTS.en.refused(2)).toMatch(/^2 answers could/);
  });

  it('takes zero as plural, as the three languages do', () => {
    expect(plural('sv', 0, { one: 'fråga', other: 'frågor' })).toBe('frågor');
    expect(plural('en', 0, { one: 'question', other: 'questions' })).toBe('questions');
  });

  it('describes the VAS without keyboard-only words', () => {
    for (const t of Object.values(TEXTS)) expect(t.vasHelp).not.toMatch(/pil|arrow/i);
  });
});
