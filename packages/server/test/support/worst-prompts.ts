import { MAX_PROMPT_LENGTH } from '@creditkit/sdk/schemas';

/** A small seeded generator: the same prompts on every run, and no two characters that repeat a pattern. */
function seeded(seed: number): (below: number) => number {
  let state = seed;
  return (below) => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return Math.floor((state / 2 ** 32) * below);
  };
}

function run(length: number, seed: number, character: (random: (below: number) => number) => string): string {
  const random = seeded(seed);
  let text = '';
  while (text.length < length) text += character(random);
  // An emoji is two UTF-16 units: stop before the limit rather than cut one in half.
  return text.length > length ? text.slice(0, length - 1) : text;
}

/**
 * The prompts this tokenizer takes longest over, at the contract's length limit: each is one pre-token (no space,
 * punctuation or change of case), which byte-pair encoding merges in time quadratic in its length, and random,
 * so no merge is ever cached. Measured with gpt-tokenizer 4: random CJK is the slowest per character, then Hangul,
 * emoji and a–z (20,000 characters of each took 2.3 s, 1.0 s, 0.9 s and 0.25 s on the event loop).
 */
export function worstPrompts(length = MAX_PROMPT_LENGTH): { kind: string; text: string }[] {
  return [
    { kind: 'a–z', text: run(length, 1, (random) => String.fromCharCode(0x61 + random(26))) },
    { kind: 'CJK', text: run(length, 2, (random) => String.fromCharCode(0x4e00 + random(20_000))) },
    { kind: 'Hangul', text: run(length, 3, (random) => String.fromCharCode(0xac00 + random(11_000))) },
    { kind: 'emoji', text: run(length, 4, (random) => String.fromCodePoint(0x1f300 + random(700))) },
  ];
}
