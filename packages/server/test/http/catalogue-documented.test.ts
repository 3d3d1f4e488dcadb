import { readFileSync } from 'node:fs';
import type { Action, AiModel } from '@creditkit/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server';
import { createDevWorkspace } from '../support/dev-workspace';
import { startTestServer } from '../support/test-server';

// RULES.md is where a reader of the repository learns the action ids and models: it must say what the server offers.
const rules = readFileSync(new URL('../../../../RULES.md', import.meta.url), 'utf8');

/** The cells of each row of the Markdown table whose header row starts with `firstHeader`, code marks dropped. */
function tableRows(markdown: string, firstHeader: string): string[][] {
  const lines = markdown.split('\n');
  const header = lines.findIndex((line) => line.startsWith(`| ${firstHeader} |`));
  expect(header, `a table headed "${firstHeader}" in RULES.md`).toBeGreaterThanOrEqual(0);
  const rows: string[][] = [];
  for (const line of lines.slice(header + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim().replaceAll('`', '')),
    );
  }
  return rows;
}

let server: RunningServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

async function everything<Item>(pages: AsyncIterable<Item>): Promise<Item[]> {
  const items: Item[] = [];
  for await (const item of pages) items.push(item);
  return items;
}

describe("RULES.md's catalogue", () => {
  it('R8, R9: lists every action the server offers, with its name, provider, data type and credits', async () => {
    const { client } = await createDevWorkspace(server.url);
    const actions = await everything<Action>(client.actions.list());
    expect(tableRows(rules, 'action id')).toEqual(
      actions.map((action) => [action.id, action.name, action.provider, action.dataType, String(action.credits)]),
    );
  });

  it('R9: lists every AI model with its provider and its rates per 1,000 prompt and output tokens', async () => {
    const { client } = await createDevWorkspace(server.url);
    const models = await everything<AiModel>(client.ai.models.list());
    expect(tableRows(rules, 'model id')).toEqual(
      models.map((model) => [
        model.id,
        model.name,
        model.provider,
        String(model.inputCreditsPer1kTokens),
        String(model.outputCreditsPer1kTokens),
      ]),
    );
  });
});
