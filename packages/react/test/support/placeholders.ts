/**
 * A stand-in for any argument a phrase receives: written into text it reads `⟪name⟫`, read as a number it is
 * 2 (so plural rules pick a form), and its properties (an activity sentence's parts, a list's items) are
 * stand-ins of their own.
 */
function placeholder(name: string): unknown {
  return new Proxy(
    {},
    {
      get(_, key) {
        if (key === Symbol.toPrimitive) return (hint: string) => (hint === 'number' ? 2 : `⟪${name}⟫`);
        if (key === 'length') return 2;
        if (key === 'join') return (separator: string) => `⟪${name}.0⟫${separator}⟪${name}.1⟫`;
        return typeof key === 'string' ? placeholder(`${name}.${key}`) : undefined;
      },
    },
  );
}

/**
 * What a message function says with a stand-in for each argument: its own words, and a `⟪…⟫` wherever it
 * prints one of its arguments (`⟪0⟫` the first, `⟪0.action⟫` a part of it).
 */
export function sayWithPlaceholders(phrase: (...args: never[]) => string): string {
  const args = Array.from({ length: 5 }, (_, index) => placeholder(String(index)));
  return (phrase as (...args: unknown[]) => string)(...args);
}
