import { createCreditClient } from '@creditkit/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server';
import { createWorkspace } from '../../src/store/workspaces';
import { addressRefusal, hostRefusal } from '../../src/webhooks/address-policy';
import { createDevWorkspace } from '../support/dev-workspace';
import { startTestServer } from '../support/test-server';
import { waitUntil } from '../support/wait-until';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver';

/*
 * R26's SSRF guard. In production mode no delivery may reach the server's own network: a URL naming or resolving
 * to such an address is refused when registered, and the addresses a name resolves to are checked again at every
 * delivery, so a name whose DNS answer changes (rebinding) is refused before any connection. The resolver is the
 * test's. Dev mode allows loopback only. No redirect is followed.
 */

/** The test's DNS: what each name resolves to now. */
const dns = new Map<string, string[]>();
const resolveHost = async (hostname: string) => {
  const addresses = dns.get(hostname);
  if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
  return addresses;
};

let production: RunningServer;
let dev: RunningServer;
let receiver: WebhookReceiver;

beforeAll(async () => {
  production = await startTestServer({ dev: false, rateLimits: null, webhooks: { pollIntervalMs: 20, resolveHost } });
  dev = await startTestServer({ webhooks: { pollIntervalMs: 20, resolveHost } });
  receiver = await startWebhookReceiver();
});
afterAll(async () => {
  await production?.close();
  await dev?.close();
  await receiver?.kill();
});

async function productionWorkspace() {
  const { secretKey } = await createWorkspace(production.db, 'pro-monthly', new Date());
  return { secretKey, client: createCreditClient({ baseUrl: production.url, apiKey: secretKey }) };
}

async function register(server: RunningServer, secretKey: string, url: string) {
  const response = await fetch(`${server.url}/v1/webhook-endpoints`, {
    method: 'POST',
    headers: { authorization: `Bearer ${secretKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ url }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const insideUrls = [
  'http://127.0.0.1:9/hook',
  'http://127.1/hook',
  'http://0x7f.0.0.1/hook',
  'http://2130706433/hook',
  'http://localhost/hook',
  'http://api.localhost/hook',
  'http://[::1]/hook',
  'http://[::ffff:127.0.0.1]/hook',
  'http://[::ffff:10.0.0.1]/hook',
  'http://10.0.0.5/hook',
  'http://172.16.3.4/hook',
  'http://192.168.1.1/hook',
  'https://169.254.169.254/latest/meta-data/',
  'http://169.254.10.10/hook',
  'http://100.64.0.1/hook',
  'http://100.100.100.200/hook',
  'http://0.0.0.0/hook',
  'http://224.0.0.1/hook',
  'http://255.255.255.255/hook',
  'http://[fc00::1]/hook',
  'http://[fd00:ec2::254]/hook',
  'http://[fe80::1]/hook',
  'http://[ff02::1]/hook',
  'http://[::]/hook',
  'http://[64:ff9b::a00:1]/hook',
  'http://[2002:c0a8:101::1]/hook',
  'http://metadata.google.internal/computeMetadata/v1/',
  'http://resolves-inside.test/hook',
  'http://resolves-both.test/hook',
];

describe('the address guard', () => {
  it('refuses at registration, in production mode, every URL that names or resolves to an inside address', async () => {
    dns.set('resolves-inside.test', ['10.20.30.40']);
    dns.set('resolves-both.test', ['198.51.100.7', '192.168.0.10']);
    const { client, secretKey } = await productionWorkspace();
    for (const url of insideUrls) {
      const answer = await register(production, secretKey, url);
      expect({ url, status: answer.status, code: answer.body.code }).toEqual({
        url,
        status: 400,
        code: 'webhook_url_refused',
      });
      expect(answer.body.details).toMatchObject({ issues: [{ path: ['url'] }] });
    }
    expect((await client.webhookEndpoints.list()).data).toEqual([]);
    // Not http(s), or with credentials: the contract refuses it before any address is looked at.
    for (const url of ['ftp://files.test/hook', 'file:///etc/passwd', 'https://user:pass@hooks.test/']) {
      expect((await register(production, secretKey, url)).body.code).toBe('validation_failed');
    }
  });

  it('refuses a change of URL to an inside address, keeping the URL it had', async () => {
    dns.set('outside.test', ['198.51.100.8']);
    const { client } = await productionWorkspace();
    const endpoint = await client.webhookEndpoints.create({ url: 'https://outside.test/hook', enabled: false });
    await expect(client.webhookEndpoints.update(endpoint.id, { url: 'http://192.168.0.1/' })).rejects.toMatchObject({
      status: 400,
      code: 'webhook_url_refused',
    });
    expect((await client.webhookEndpoints.retrieve(endpoint.id)).url).toBe('https://outside.test/hook');
  });

  it('checks the resolved address at every delivery: a name rebound to loopback gets no connection', async () => {
    // Registered while the name resolved outside; it resolves to this machine by the time an event comes.
    dns.set('rebinding.test', ['198.51.100.9']);
    const { client } = await productionWorkspace();
    const endpoint = await client.webhookEndpoints.create({ url: `http://rebinding.test:${receiver.port}/hook` });
    dns.set('rebinding.test', ['127.0.0.1']);
    const before = receiver.received.length;
    await client.purchases.create({ credits: 1 });
    await waitUntil(
      async () => (await client.webhookEndpoints.listDeliveries(endpoint.id)).data[0]?.attempts === 1,
      'the first attempt',
    );
    const [delivery] = (await client.webhookEndpoints.listDeliveries(endpoint.id)).data;
    expect(delivery).toMatchObject({ status: 'pending', lastStatusCode: null });
    expect(delivery?.lastError).toBe(
      'refused: rebinding.test resolves to 127.0.0.1, a loopback address, which webhooks may not reach.',
    );
    expect(receiver.received.length).toBe(before);

    // An IPv4-mapped IPv6 answer is the same address.
    dns.set('rebinding.test', ['::ffff:127.0.0.1']);
    await client.webhookEndpoints.redeliver(endpoint.id, delivery?.id ?? '');
    await waitUntil(
      async () => (await client.webhookEndpoints.listDeliveries(endpoint.id)).data[0]?.attempts === 2,
      'the redelivery',
    );
    const [again] = (await client.webhookEndpoints.listDeliveries(endpoint.id)).data;
    expect(again?.lastError).toContain('::ffff:127.0.0.1, a loopback address');
    expect(receiver.received.length).toBe(before);
  });

  it('lets dev mode reach loopback, and nothing else inside', async () => {
    const { secretKey } = await createDevWorkspace(dev.url, 'pro-monthly');
    // This workspace has no event, so none of these is ever delivered to, whatever the guard says.
    expect((await register(dev, secretKey, 'http://localhost:9/hook')).status).toBe(201);
    expect((await register(dev, secretKey, 'http://[::1]:9/hook')).status).toBe(201);
    for (const url of ['http://10.0.0.5/hook', 'http://169.254.169.254/', 'http://resolves-inside.test/hook']) {
      expect((await register(dev, secretKey, url)).body.code).toBe('webhook_url_refused');
    }
    // No delivery test here aims at an address off this machine: were the guard broken, it would be reached.
  });

  it('follows no redirect: a 3xx is a failed attempt, and the place it points to gets nothing', async () => {
    const { secretKey } = await createDevWorkspace(dev.url, 'pro-monthly');
    const client = createCreditClient({ baseUrl: dev.url, apiKey: secretKey });
    const redirecting = await startWebhookReceiver(() => ({
      status: 307,
      headers: { location: `${receiver.url}?redirected` },
    }));
    try {
      const endpoint = await client.webhookEndpoints.create({ url: redirecting.url });
      const before = receiver.received.length;
      await client.purchases.create({ credits: 1 });
      await waitUntil(
        async () => (await client.webhookEndpoints.listDeliveries(endpoint.id)).data[0]?.attempts === 1,
        'the first attempt',
      );
      expect((await client.webhookEndpoints.listDeliveries(endpoint.id)).data[0]).toMatchObject({
        status: 'pending',
        lastStatusCode: 307,
        lastError: `redirect to ${receiver.url}?redirected not followed`,
      });
      expect(redirecting.received).toHaveLength(1);
      expect(receiver.received.length).toBe(before);
    } finally {
      await redirecting.kill();
    }
  });
});

describe('the address policy', () => {
  it('names why an address is refused, IPv4-mapped and translated IPv6 included', () => {
    const table: [string, string | null][] = [
      ['127.0.0.1', 'loopback'],
      ['10.1.2.3', 'private'],
      ['172.31.255.255', 'private'],
      ['172.32.0.1', null],
      ['169.254.169.254', 'metadata'],
      ['168.63.129.16', 'metadata'],
      ['100.64.0.1', 'shared'],
      ['100.128.0.1', null],
      ['0.0.0.0', 'unspecified'],
      ['239.255.255.250', 'multicast'],
      ['240.0.0.1', 'reserved'],
      ['8.8.8.8', null],
      ['::1', 'loopback'],
      ['::', 'unspecified'],
      ['::ffff:7f00:1', 'loopback'],
      ['::ffff:8.8.8.8', null],
      ['::127.0.0.1', 'loopback'],
      ['fd12:3456::1', 'private'],
      ['fe80::1%eth0', 'link_local'],
      ['ff02::1', 'multicast'],
      ['64:ff9b::808:808', null],
      ['64:ff9b::a00:1', 'private'],
      ['2002:7f00:1::', 'loopback'],
      ['2001:0:4136::1', 'reserved'],
      ['2606:4700::1111', null],
      ['1::2::3', 'reserved'],
    ];
    expect(table.map(([address]) => [address, addressRefusal(address)])).toEqual(table);
    expect(
      ['LOCALHOST.', 'a.localhost', '[::1]', 'metadata.google.internal', 'hooks.example.com'].map(hostRefusal),
    ).toEqual(['loopback', 'loopback', 'loopback', 'metadata', null]);
  });
});
