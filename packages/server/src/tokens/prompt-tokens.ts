import { countTokens } from 'gpt-tokenizer';
import { O200K_TOKEN_SPLIT_REGEX } from 'gpt-tokenizer/encodingParams/constants';

/**
 * The longest piece of text that byte-pair encoding is run on at once, in UTF-16 code units.
 *
 * The tokenizer first splits text into pre-tokens with a regular expression (linear: a word with its leading
 * space, a number of up to 3 digits, a run of punctuation or of spaces), then merges each pre-token's bytes pair by
 * pair. gpt-tokenizer's merge rescans and splices the whole pre-token for every merge, so its time is quadratic in
 * the pre-token's length: 100,000 letters without a space took 4.7 s, 200,000 CJK characters (one pre-token, as
 * CJK has no spaces) 174 s. Cutting longer pre-tokens into pieces of this length makes the work linear in the
 * prompt's length (2–3.5 µs a character for random CJK, the slowest input measured).
 *
 * 128 is the length of o200k_base's longest token (128 spaces), so a piece can still become any single token.
 * Ordinary prose never has a pre-token this long and is counted exactly as the model's tokenizer counts it. A
 * longer run (a long word, CJK or emoji text, a base64 blob) is counted piece by piece: no token spans a cut, so
 * it may count about one token more per piece; measured on random text, at most 0.4% more.
 */
export const maxPieceLength = 128;

/**
 * Special-token markers such as `<|endoftext|>` in a prompt are text the model receives as text: count them as
 * such (gpt-tokenizer throws on them by default).
 */
const asPlainText = { disallowedSpecial: new Set<string>() };

/** Where a piece that starts at `start` ends: `maxPieceLength` later, never between the halves of a surrogate pair. */
function pieceEnd(text: string, start: number): number {
  const end = Math.min(text.length, start + maxPieceLength);
  const last = text.charCodeAt(end - 1);
  const cutsAPair = end < text.length && last >= 0xd800 && last <= 0xdbff;
  return cutsAPair ? end - 1 : end;
}

/**
 * The prompt's tokens in o200k_base (the one encoding the server counts every model's prompts with), in time
 * linear in its length: text made of ordinary pre-tokens goes to the tokenizer as it is, a pre-token longer than
 * `maxPieceLength` in pieces of that length.
 */
export function countPromptTokens(text: string): number {
  let tokens = 0;
  /** Where the text not yet counted starts; it holds only pre-tokens within the bound. */
  let uncounted = 0;
  for (const match of text.matchAll(O200K_TOKEN_SPLIT_REGEX)) {
    const preToken = match[0];
    if (preToken.length <= maxPieceLength) continue;
    tokens += countTokens(text.slice(uncounted, match.index), asPlainText);
    for (let start = 0; start < preToken.length; ) {
      const end = pieceEnd(preToken, start);
      tokens += countTokens(preToken.slice(start, end), asPlainText);
      start = end;
    }
    uncounted = match.index + preToken.length;
  }
  return tokens + countTokens(text.slice(uncounted), asPlainText);
}
