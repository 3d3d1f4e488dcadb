import { countTokens } from 'gpt-tokenizer';
import { describe, expect, it } from 'vitest';
import { countPromptTokens, maxPieceLength, maxSliceLength } from '../../src/tokens/prompt-tokens';
import { worstPrompts } from '../support/worst-prompts';

describe('countPromptTokens', () => {
  it('counts ordinary prompts exactly as the tokenizer does', () => {
    const prompts = [
      'Write a one-line opener for {{name}}, who works at {{company}} as {{title}}.',
      'Résumé: 12 years in B2B SaaS — see https://example.com/people/jane-doe?ref=crm#bio\n\n- item\n- item',
      '日本語のテキストを数える。我们今天去公园散步，天气很好。한국어 문장도 셉니다.',
      'function f(x) {\n\treturn x * 2; // doubled\n}\n',
      'Emoji 😀👍🏽 and marks: café, naïve, Ångström.',
      `${'word '.repeat(5_000)}end`,
    ];
    for (const prompt of prompts) expect(countPromptTokens(prompt)).toBe(countTokens(prompt));
    // Long ordinary text goes to the tokenizer in slices cut where it splits anyway: the count stays exact.
    const long = `${prompts.join('\n\n\t ').repeat(40)}  \n  `;
    expect(long.length).toBeGreaterThan(10 * maxSliceLength);
    expect(countPromptTokens(long)).toBe(countTokens(long));
  });

  it('counts a special-token marker in a prompt as the text it is', () => {
    const prompt = 'Stop at <|endoftext|> and go on.';
    expect(() => countTokens(prompt)).toThrow(/special token/);
    // "Stop", " at", " <", "|", "end", "of", "text", "|", ">", " and", " go", " on", ".": the marker as text.
    expect(countPromptTokens(prompt)).toBe(13);
  });

  it('counts runs longer than a piece close to the whole-run count, and cuts no emoji in half', () => {
    // Short enough that the tokenizer's own quadratic count of the whole run is affordable here.
    for (const { kind, text } of worstPrompts(4_000)) {
      const exact = countTokens(text);
      const counted = countPromptTokens(text);
      expect(counted, kind).toBeGreaterThanOrEqual(exact);
      // At most one token more per cut.
      expect(counted - exact, kind).toBeLessThanOrEqual(Math.ceil(text.length / maxPieceLength));
    }
    const emoji = '😀'.repeat(maxPieceLength);
    expect(countPromptTokens(emoji)).toBe(countTokens(emoji));
  });
});
