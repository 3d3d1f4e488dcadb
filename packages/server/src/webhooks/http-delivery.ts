import { lookup as dnsLookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { ipFamily } from './address-policy';
import { deliveryAddresses, type HostResolver, RefusedWebhookAddress } from './url-guard';

/** One attempt to POST a signed event. */
export interface DeliveryRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  /** The whole attempt (resolving, connecting, the answer's status line and headers) must fit in this. */
  timeoutMs: number;
}

/** What an attempt got: the status, or why there was none; `error` is null for a 2xx alone. */
export interface DeliveryResult {
  statusCode: number | null;
  error: string | null;
}

/** Sends one attempt; never throws (a failure is a result). Injected, so another runtime could send its own way. */
export type DeliverySender = (request: DeliveryRequest) => Promise<DeliveryResult>;

/** The system resolver (getaddrinfo), every address of the name. */
export const systemResolver: HostResolver = async (hostname) =>
  (await dnsLookup(hostname, { all: true, verbatim: true })).map((entry) => entry.address);

/** Answers Node's connection with the addresses already checked, so it never resolves the name a second time. */
function pinnedLookup(addresses: readonly string[]): LookupFunction {
  const entries = addresses.map((address) => ({ address, family: ipFamily(address) ?? 4 }));
  return (_hostname, options, callback) => {
    const first = entries[0];
    if (options.all) callback(null, entries);
    else if (first) callback(null, first.address, first.family);
    else callback(new Error('no address'), '', 0);
  };
}

function describeError(error: unknown, timeoutMs: number): string {
  if (error instanceof RefusedWebhookAddress) return `refused: ${error.message}`;
  const code = (error as { code?: unknown }).code;
  if (code === 'ETIMEDOUT_ATTEMPT') return `no answer within ${timeoutMs} ms`;
  const message = error instanceof Error ? error.message : String(error);
  return typeof code === 'string' && !message.includes(code) ? `${code}: ${message}` : message;
}

/**
 * POSTs with Node's http(s): connects only to addresses the guard accepted (a pinned lookup), follows no redirect
 * (a 3xx is a failure: the URL registered is the only one reached), and gives up when the attempt's time is over.
 */
export function httpDeliverySender(options: { allowLoopback: boolean; resolveHost: HostResolver }): DeliverySender {
  return async (request) => {
    const url = new URL(request.url);
    const controller = new AbortController();
    const timer = setTimeout(
      () => controller.abort(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT_ATTEMPT' })),
      request.timeoutMs,
    );
    // Ends a body still being read after the status came back, too; never what keeps the process alive.
    timer.unref();
    try {
      const addresses = await Promise.race([
        deliveryAddresses(url, options),
        new Promise<never>((_, reject) =>
          controller.signal.addEventListener('abort', () => reject(controller.signal.reason)),
        ),
      ]);
      const { status, location } = await new Promise<{ status: number; location: string | undefined }>(
        (resolve, reject) => {
          const client = url.protocol === 'https:' ? https : http;
          const outgoing = client.request(
            {
              protocol: url.protocol,
              hostname: url.hostname.replace(/^\[|\]$/g, ''),
              port: url.port || undefined,
              path: `${url.pathname}${url.search}`,
              method: 'POST',
              headers: {
                ...request.headers,
                'content-type': 'application/json',
                'content-length': String(Buffer.byteLength(request.body)),
                'user-agent': 'creditkit-webhooks/1',
              },
              agent: false,
              lookup: pinnedLookup(addresses),
              signal: controller.signal,
            },
            (response) => {
              // Only the status counts; the body is read and dropped until the attempt's time is over.
              response.on('error', () => undefined);
              response.resume();
              resolve({ status: response.statusCode ?? 0, location: response.headers.location });
            },
          );
          outgoing.on('error', (error) => reject(controller.signal.aborted ? controller.signal.reason : error));
          outgoing.on('close', () => clearTimeout(timer));
          outgoing.end(request.body);
        },
      );
      if (status >= 200 && status < 300) return { statusCode: status, error: null };
      if (status >= 300 && status < 400) {
        return { statusCode: status, error: `redirect to ${location ?? 'nowhere'} not followed` };
      }
      return { statusCode: status, error: `answered ${status}` };
    } catch (error) {
      clearTimeout(timer);
      return { statusCode: null, error: describeError(error, request.timeoutMs) };
    }
  };
}
