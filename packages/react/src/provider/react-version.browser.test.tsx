import { version } from 'react';
import { describe, expect, inject, it } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The React major the Chromium project runs on: `browser` 19, `react-18` 18 (see vitest.config.ts). */
    reactMajor: string;
  }
}

// The kit supports React 18 and 19: the Chromium tests run on each. This says the alias really took.
describe('the React the Chromium tests run on', () => {
  it("is the project's", () => {
    expect(version.split('.')[0]).toBe(inject('reactMajor'));
  });
});
