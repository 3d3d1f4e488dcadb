import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { ApiError, createCreditClient, ValidationError } from '@creditkit/sdk';
import { MAX_PROMPT_LENGTH } from '@creditkit/sdk/schemas';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../src/server';
import { TokenCounterBusyError } from '../../src/tokens/token-counter-busy-error';
import { createDevWorkspace } from '../support/dev-workspace';
import { worstPrompts } from '../support/worst-prompts';

/*
 * Counting a prompt's tokens is CPU work; on the thread that serves requests, one long prompt without spaces
 * froze every workspace for seconds (minutes for CJK). The server runs as the real CLI in a child process, so
 * this test's own event loop stays free to see which answer comes back first.
 */

const cliPath = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

const running = new Set<ChildProcess>();
afterEach(() => {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
});

async function spawnServer(): Promise<string> {
  if (!existsSync(cliPath)) {
    throw new Error(`${cliPath} is missing: build the server first (pnpm --filter @creditkit/server build).`);
  }
  const child = spawn(process.execPath, [cliPath, '--dev', '--memory', '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let output = '';
  return new Promise((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (url) resolve(url);
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => reject(new Error(`the server exited (${code}) before it was ready:\n${output}`)));
  });
}

interface Sent {
  /** Resolves once the whole body is handed to the socket, so the server has it before anything sent later. */
  written: Promise<void>;
  answered: Promise<{ status: number; body: { inputTokens?: number; code?: string } }>;
}

function postEstimate(baseUrl: string, secretKey: string, prompt: string): Sent {
  const body = JSON.stringify({ model: 'gpt-mini', rows: 1, outputTokens: 1, prompt });
  let written!: () => void;
  const sent: Sent = {
    written: new Promise((resolve) => {
      written = resolve;
    }),
    answered: new Promise((resolve, reject) => {
      const outgoing = request(
        `${baseUrl}/v1/ai/estimates`,
        {
          method: 'POST',
          headers: {
            authorization: `Bearer ${secretKey}`,
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString()) }),
          );
        },
      );
      outgoing.on('error', reject);
      outgoing.end(body, written);
    }),
  };
  return sent;
}

describe('counting prompt tokens does not hold the server', () => {
  it('answers another workspace while the worst prompts of one workspace are being counted', async () => {
    const url = await spawnServer();
    const [flooder, bystander] = await Promise.all([createDevWorkspace(url), createDevWorkspace(url)]);

    const prompts = worstPrompts();
    const estimates = prompts.map(({ text }) => postEstimate(url, flooder.secretKey, text));
    await Promise.all(estimates.map((estimate) => estimate.written));

    const order: string[] = [];
    const balance = fetch(`${url}/v1/balance`, { headers: { authorization: `Bearer ${bystander.secretKey}` } }).then(
      async (response) => {
        order.push('balance');
        return { status: response.status, body: (await response.json()) as { spendable?: number } };
      },
    );
    const answers = estimates.map(({ answered }, index) =>
      answered.then((answer) => {
        order.push(`estimate of ${prompts[index]?.kind}`);
        return answer;
      }),
    );
    await Promise.race([balance, ...answers]);
    expect(order[0]).toBe('balance');
    expect(await balance).toEqual({ status: 200, body: expect.objectContaining({ spendable: 2000 }) });

    // Every flooding prompt is still counted, not refused: they fit in the queue together.
    for (const answer of await Promise.all(answers)) {
      expect(answer.status).toBe(200);
      expect(answer.body.inputTokens).toBeGreaterThan(0);
    }
  });
});

describe('what POST /v1/ai/estimates answers about prompts', () => {
  const estimate = { model: 'gpt-mini', rows: 10, outputTokens: 100 };
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ port: 0, dev: true });
  });
  afterAll(() => server.close());

  it('counts a special-token marker as the text it is, instead of failing with a 500', async () => {
    const { client } = await createDevWorkspace(server.url);
    const answer = await client.ai.estimates.create({ ...estimate, prompt: 'Stop at <|endoftext|> and go on.' });
    expect(answer.inputTokens).toBe(13);
  });

  it('refuses a prompt over the limit with a 400 that says the limit, and the SDK refuses it before sending', async () => {
    const { client, secretKey } = await createDevWorkspace(server.url);
    const prompt = 'a'.repeat(MAX_PROMPT_LENGTH + 1);
    const response = await fetch(`${server.url}/v1/ai/estimates`, {
      method: 'POST',
      headers: { authorization: `Bearer ${secretKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ...estimate, prompt }),
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await response.json()).toMatchObject({
      code: 'validation_failed',
      message: expect.stringContaining('200,000'),
    });

    const refusal = await client.ai.estimates.create({ ...estimate, prompt }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ValidationError);
    expect((refusal as ValidationError).message).toContain('200,000');
    // At the limit it is counted.
    expect((await client.ai.estimates.create({ ...estimate, prompt: prompt.slice(1) })).inputTokens).toBeGreaterThan(0);
  });

  it('answers 503 server_busy with Retry-After when the counter is full, and counts token counts given as numbers', async () => {
    const busy = { count: () => Promise.reject(new TokenCounterBusyError(2)), close: async () => {} };
    const busyServer = await startServer({ port: 0, dev: true, tokenCounter: busy });
    try {
      const { secretKey } = await createDevWorkspace(busyServer.url);
      const response = await fetch(`${busyServer.url}/v1/ai/estimates`, {
        method: 'POST',
        headers: { authorization: `Bearer ${secretKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ ...estimate, prompt: 'Write a one-line opener.' }),
      });
      expect(response.status).toBe(503);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(response.headers.get('retry-after')).toBe('2');
      expect(await response.json()).toMatchObject({ status: 503, code: 'server_busy' });

      const client = createCreditClient({ baseUrl: busyServer.url, apiKey: secretKey, maxRetries: 0 });
      const refusal = await client.ai.estimates
        .create({ ...estimate, prompt: 'Write a one-line opener.' })
        .catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(ApiError);
      expect(refusal).toMatchObject({ status: 503, code: 'server_busy' });
      // Counts given as numbers need no counter.
      expect(await client.ai.estimates.create({ ...estimate, inputTokens: 50 })).toMatchObject({ inputTokens: 50 });
    } finally {
      await busyServer.close();
    }
  });
});
