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
 * The most ordinary text (pre-tokens within the bound) that goes to the tokenizer at once, in UTF-16 code units,
 * so a counter can yield between pieces (the in-page counter does). It is cut only after a pre-token that ends
 * in something other than white space: the tokenizer's split looks ahead only after white space (`\s+(?!\S)`),
 * so the pieces split exactly as the whole text does and their counts add up to its count.
 */
export const maxSliceLength = 4096;

/**
 * The prompt as pieces whose token counts add up to its count in linear time: ordinary text in slices of about
 * `maxSliceLength` cut where the tokenizer splits anyway, a pre-token longer than `maxPieceLength` in pieces of
 * that length.
 */
export function* promptPieces(text: string): Generator<string> {
  /** Where the text not yet given out starts; it holds only pre-tokens within the bound. */
  let uncounted = 0;
  for (const match of text.matchAll(O200K_TOKEN_SPLIT_REGEX)) {
    const preToken = match[0];
    const end = match.index + preToken.length;
    if (preToken.length > maxPieceLength) {
      if (match.index > uncounted) yield text.slice(uncounted, match.index);
      for (let start = 0; start < preToken.length; ) {
        const pieceEndsAt = pieceEnd(preToken, start);
        yield preToken.slice(start, pieceEndsAt);
        start = pieceEndsAt;
      }
      uncounted = end;
    } else if (end - uncounted >= maxSliceLength && !/\s/u.test(preToken.at(-1) ?? ' ')) {
      yield text.slice(uncounted, end);
      uncounted = end;
    }
  }
  if (uncounted < text.length) yield text.slice(uncounted);
}

/** The tokens of one piece of `promptPieces`. */
export function countPieceTokens(piece: string): number {
  return countTokens(piece, asPlainText);
}

/**
 * The prompt's tokens in o200k_base (the one encoding the server counts every model's prompts with), in time
 * linear in its length: text made of ordinary pre-tokens is counted exactly as the tokenizer counts it, a
 * pre-token longer than `maxPieceLength` in pieces of that length.
 */
export function countPromptTokens(text: string): number {
  let tokens = 0;
  for (const piece of promptPieces(text)) tokens += countPieceTokens(piece);
  return tokens;
}
