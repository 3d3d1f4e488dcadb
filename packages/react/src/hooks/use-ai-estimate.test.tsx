import { useAiEstimate } from '@creditkit/react';
import type { AiEstimateCreateParams, CreditClient } from '@creditkit/sdk';
import { waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderHookWithCredits } from '../../test/support/render-with-credits';
import { createTestWorkspace } from '../../test/support/test-workspace';

function renderEstimate(params: AiEstimateCreateParams, client: CreditClient) {
  return renderHookWithCredits(() => useAiEstimate(params), { client }).result;
}

describe('useAiEstimate against the reference server', () => {
  it('R9: estimates locally from token counts, exactly as the server quotes, with no estimate request', async () => {
    const { client, requests } = await (await createTestWorkspace()).connect();
    const params = { model: 'gpt-large', rows: 1_234, inputTokens: 777, outputTokens: 333 };
    const latest = renderEstimate(params, client);
    expect(latest.current?.status).toBe('loading');
    await waitFor(() => expect(latest.current?.status).toBe('success'));
    const quoted = await client.ai.estimates.create(params);
    expect(latest.current).toMatchObject({ source: 'local', data: quoted });
    expect(requests.filter((request) => request === '/v1/ai/estimates')).toHaveLength(1);
  });

  it('R9: has the server count the tokens of a prompt', async () => {
    const { client } = await (await createTestWorkspace()).connect();
    const params = {
      model: 'gpt-mini',
      rows: 10,
      prompt: 'Write a one-line opener for {{company}}.',
      outputTokens: 40,
    };
    const latest = renderEstimate(params, client);
    await waitFor(() => expect(latest.current?.status).toBe('success'));
    expect(latest.current?.source).toBe('server');
    expect(latest.current?.data?.inputTokens).toBeGreaterThan(5);
    expect(latest.current?.data).toEqual(await client.ai.estimates.create(params));
  });

  it('says an unknown model is not found, and impossible counts are errors rather than numbers', async () => {
    const { client } = await (await createTestWorkspace()).connect();
    const unknown = renderEstimate({ model: 'gpt-unicorn', rows: 1, inputTokens: 1, outputTokens: 1 }, client);
    const impossible = renderEstimate({ model: 'gpt-mini', rows: 1, inputTokens: -3, outputTokens: 1 }, client);
    await waitFor(() => expect(unknown.current?.status).toBe('error'));
    expect(unknown.current?.error).toMatchObject({ code: 'not_found' });
    await waitFor(() => expect(impossible.current?.error).toBeInstanceOf(RangeError));
  });
});
