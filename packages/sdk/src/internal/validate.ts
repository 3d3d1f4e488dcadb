import type * as z from 'zod/mini';
import { ValidationError, type ValidationIssue } from '../core/errors/validation-error';

export function toIssues(error: z.core.$ZodError): ValidationIssue[] {
  return error.issues.map(({ path, message }) => ({ path, message }));
}

/** Checks a call's arguments before anything is sent; throws `ValidationError` naming every bad field. */
export function validateParams<T>(schema: z.ZodMiniType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = toIssues(parsed.error);
  const list = issues.map((issue) => `${issue.path.join('.') || what}: ${issue.message}`).join('; ');
  throw new ValidationError(`Invalid ${what}: ${list}`, { code: 'validation_failed', details: { issues } });
}
