import axe from 'axe-core';
import { expect } from 'vitest';

/**
 * Runs axe on `context` and expects no violations; each one found is listed by rule and the nodes it
 * flags. The whole document by default, as a dialog needs: it is portalled to the end of <body>.
 */
export async function expectNoAxeViolations(context: Element | Document = document): Promise<void> {
  const { violations } = await axe.run(context);
  expect(violations.map(({ id, nodes }) => `${id}: ${nodes.map((node) => node.target).join(' | ')}`)).toEqual([]);
}
