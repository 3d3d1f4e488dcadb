import { base64urlToText, textToBase64url } from '../crypto/base64url';
import type { ActivityKey } from '../store/usage-activity';
import { invalidValue } from './validate';

const keyFields = ['day', 'workbookId', 'actionId', 'trigger', 'runId', 'model'] as const;

/**
 * An activity cursor is the key of the last group a page held, opaque to clients like every cursor of the API:
 * the next page starts after that group, so it stays stable while new charges arrive.
 */
export function encodeActivityCursor(key: ActivityKey): string {
  return textToBase64url(JSON.stringify(keyFields.map((field) => key[field])));
}

/** The group a cursor names; a cursor the API did not give is a 400 naming `cursor`. */
export function decodeActivityCursor(cursor: string | undefined): ActivityKey | undefined {
  if (cursor === undefined) return undefined;
  const refused = () => invalidValue(['cursor'], 'This cursor was not given by the API.');
  const text = base64urlToText(cursor);
  if (text === null) throw refused();
  let values: unknown;
  try {
    values = JSON.parse(text);
  } catch {
    throw refused();
  }
  if (
    !Array.isArray(values) ||
    values.length !== keyFields.length ||
    !values.every((value) => typeof value === 'string') ||
    !/^\d{4}-\d{2}-\d{2}$/.test(String(values[0]))
  ) {
    throw refused();
  }
  const [day, workbookId, actionId, trigger, runId, model] = values as string[];
  const key = { day, workbookId, actionId, trigger, runId, model } as ActivityKey;
  if (encodeActivityCursor(key) !== cursor) throw refused();
  return key;
}
