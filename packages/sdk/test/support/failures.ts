import { ValidationError } from '@creditkit/sdk';
import { expect } from 'vitest';

/** The error a call ends with (thrown or rejected), or undefined when it succeeds. */
export async function failureOf(call: () => unknown): Promise<unknown> {
  return Promise.resolve()
    .then(call)
    .then(
      () => undefined,
      (caught: unknown) => caught,
    );
}

/** Asserts a ValidationError and returns the paths of its issues. */
export function issuePathsOf(error: unknown): PropertyKey[][] {
  expect(error).toBeInstanceOf(ValidationError);
  expect(error).toMatchObject({ code: 'validation_failed' });
  return (error as ValidationError).details.issues.map((issue) => [...issue.path]);
}
