import { describe, expect, it } from 'vitest';
import { checkBodyContent, refusedCharacter } from '../../../../server/http/body-content';

function nested(depth: number): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

describe('server/http/body-content', () => {
  it('allows ordinary text in any script, emoji, tabs and line breaks', () => {
    for (const text of ['Åsa Öberg', 'Ærø', 'مرحبا', '🙂👍🏽', 'two\nlines\r\n\tand a tab', '']) expect(refusedCharacter(text)).toBeNull();
  });

  it('names lone surrogates, NUL, C0 and C1 control characters and bidi overrides/isolates', () => {
    expect(refusedCharacter('\ud800')).toMatch(/lone surrogate \(U\+D800\)/);
    expect(refusedCharacter('x\udfff')).toMatch(/lone surrogate \(U\+DFFF\)/);
    expect(refusedCharacter('a\u0000')).toMatch(/NUL/);
    for (const c of ['\u0001', '\u001b', '\u007f', '\u0080', '\u009f']) expect(refusedCharacter(`a${c}b`)).toMatch(/control character/);
    for (const code of [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069]) {
      expect(refusedCharacter(`a${String.fromCharCode(code)}b`)).toMatch(/bidirectional/);
    }
  });

  it('collects every refused string with its path', () => {
    expect(checkBodyContent({ name: 'ok', reason: 'r\u0000', answers: { q1: ['a', 'b\u202e'] } })).toEqual([
      { field: 'reason', message: expect.stringMatching(/^reason contains a NUL/) },
      { field: 'answers.q1[1]', message: expect.stringMatching(/^answers\.q1\[1\] contains a bidirectional/) },
    ]);
  });

  it('accepts 32 levels of nesting and refuses 33', () => {
    expect(checkBodyContent(nested(32))).toEqual([]);
    expect(checkBodyContent(nested(33))).toBe('too_deep');
    expect(checkBodyContent({ timepoint: nested(5000) })).toBe('too_deep');
  });
});
