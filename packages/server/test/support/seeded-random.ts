import { randomInt } from 'node:crypto';

/** A non-negative integer from the environment (a soak's round count, a seed to replay), or the fallback. */
export function readInteger(name: string, fallback: number): number {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  if (!/^\d+$/.test(text)) throw new Error(`${name} must be a non-negative integer, not "${text}"`);
  return Number(text);
}

/** The seed of a run of rounds: `name` replays a printed one, else a fresh one is drawn. */
export const seedFrom = (name: string) => readInteger(name, randomInt(2 ** 31));

/** mulberry32: small and good enough to draw round parameters, so a printed seed replays every round. */
export function prng(start: number): (below: number) => number {
  let state = start >>> 0;
  return (below) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4_294_967_296) * below);
  };
}

/** Round `round`'s own stream, so a round's parameters do not depend on the rounds before it. */
export const roundRandom = (seed: number, round: number) => prng(seed ^ Math.imul(round, 0x9e3779b1));
