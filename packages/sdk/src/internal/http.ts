import ky, { HTTPError, TimeoutError as KyTimeoutError } from 'ky';
import type * as z from 'zod/mini';
import { ConnectionError } from '../core/errors/connection-error';
import { createApiError } from '../core/errors/create-api-error';
import { CreditError } from '../core/errors/credit-error';
import { ResponseValidationError } from '../core/errors/response-validation-error';
import { TimeoutError } from '../core/errors/timeout-error';
import { idempotencyKey } from '../schemas/primitives';
import { problem as problemSchema } from '../schemas/problem';
import type { Credentials } from './credentials';
import { backoff, type RetryPolicy, retryAfterStatusCodes, retryableStatusCodes } from './retry';
import { toIssues, validateParams } from './validate';

/** Options every call takes. */
export interface RequestOptions {
  /** Cancels the call, back-off waits included. */
  signal?: AbortSignal | undefined;
  /** Overall deadline of the call in milliseconds, every attempt and wait included. */
  timeout?: number | undefined;
  /** Retries after the first attempt. */
  maxRetries?: number | undefined;
  /** For mutations: sent with the first attempt and every retry; generated when absent (R19). */
  idempotencyKey?: string | undefined;
}

export interface TransportConfig {
  baseUrl: string;
  credentials: Credentials;
  /** Default overall deadline of a call. */
  timeout: number;
  /** Deadline of one attempt, so a hung connection still leaves time to retry. */
  attemptTimeout: number;
  retry: RetryPolicy;
  headers: Record<string, string>;
  fetch: typeof fetch | undefined;
}

export type Query = Record<string, string | number | readonly string[] | undefined>;

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  query?: Query | undefined;
  body?: unknown;
  options?: RequestOptions | undefined;
}

export interface Transport {
  /** Sends a request and validates its JSON answer against `schema`. */
  json<T>(request: HttpRequest, schema: z.ZodMiniType<T>): Promise<T>;
  /** Sends a request and returns its body as text (the CSV export). */
  text(request: HttpRequest): Promise<string>;
  /** Opens a long-lived response, without deadline or retries: the caller reconnects. */
  stream(request: HttpRequest, headers: Record<string, string>): Promise<Response>;
}

/**
 * The query string. A list is one parameter, its items comma-joined (`form` style, `explode: false`, as the
 * contract declares), with literal commas: an encoded one (`%2C`, what URLSearchParams writes) belongs to an item.
 * No item holds a comma (the contract's id rule), and a literal comma means the same as `%2C` in any other value.
 */
function toQueryString(query: Query | undefined): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value !== undefined) params.set(name, Array.isArray(value) ? value.join(',') : String(value));
  }
  return params.toString().replace(/%2C/g, ',');
}

async function readProblem(response: Response) {
  try {
    const parsed = problemSchema.safeParse(await response.clone().json());
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function retryAfterSeconds(response: Response): number | undefined {
  const header = response.headers.get('retry-after');
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return seconds;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, (date - Date.now()) / 1000);
}

function requestIdOf(response: Response): string | undefined {
  return response.headers.get('x-request-id') ?? undefined;
}

/** The only module that speaks HTTP: ky with the SDK's retry policy, deadlines, credentials and error mapping. */
export function createTransport(config: TransportConfig): Transport {
  const base = config.baseUrl.replace(/\/+$/, '');

  async function send(request: HttpRequest, extraHeaders: Record<string, string>, deadlineMs: number | undefined) {
    const { options = {} } = request;
    const deadline = deadlineMs === undefined ? undefined : AbortSignal.timeout(deadlineMs);
    const signals = [options.signal, deadline].filter((signal) => signal !== undefined);
    const signal = signals.length > 1 ? AbortSignal.any(signals) : signals[0];
    const headers = { ...config.headers, ...extraHeaders };
    // One key per call, whatever happens next: ky resends the same headers on every retry.
    if (request.method !== 'GET') {
      headers['idempotency-key'] =
        options.idempotencyKey === undefined
          ? crypto.randomUUID()
          : validateParams(idempotencyKey, options.idempotencyKey, 'Idempotency-Key');
    }

    const attempt = async (refreshed: boolean): Promise<Response> => {
      const credential = config.credentials.current();
      try {
        return await ky(base + request.path, {
          method: request.method,
          searchParams: toQueryString(request.query),
          headers: { ...headers, authorization: `Bearer ${await credential}` },
          json: request.body,
          ...(signal && { signal }),
          timeout: deadlineMs === undefined ? false : Math.min(config.attemptTimeout, deadlineMs),
          ...(config.fetch && { fetch: config.fetch }),
          retry: {
            limit: deadlineMs === undefined ? 0 : (options.maxRetries ?? config.retry.maxRetries),
            methods: ['get', 'post', 'put', 'delete'],
            statusCodes: retryableStatusCodes,
            afterStatusCodes: retryAfterStatusCodes,
            maxRetryAfter: config.retry.maxRetryAfter,
            retryOnTimeout: true,
            delay: (retry) => backoff(config.retry, retry),
            jitter: true,
            backoffLimit: config.retry.maxDelay,
            shouldRetry: async ({ error }) => {
              if (error instanceof HTTPError && error.response.status === 409) {
                const problem = await readProblem(error.response);
                if (problem?.code === 'idempotency_conflict') return false;
              }
              return undefined;
            },
          },
        });
      } catch (error) {
        if (options.signal?.aborted) throw options.signal.reason;
        if (error instanceof HTTPError) {
          const { response } = error;
          if (response.status === 401 && !refreshed && config.credentials.invalidate(credential)) return attempt(true);
          throw createApiError({
            status: response.status,
            problem: await readProblem(response),
            requestId: requestIdOf(response),
            retryAfter: retryAfterSeconds(response),
          });
        }
        if (deadline?.aborted || error instanceof KyTimeoutError) {
          throw new TimeoutError(`${request.method} ${request.path} did not finish within its deadline.`, {
            code: 'timeout',
            cause: error,
          });
        }
        if (error instanceof CreditError) throw error;
        throw new ConnectionError(`Could not reach the Credit API at ${base}.`, {
          code: 'connection_failed',
          cause: error,
        });
      }
    };
    return attempt(false);
  }

  return {
    async json(request, schema) {
      const response = await send(request, { accept: 'application/json' }, request.options?.timeout ?? config.timeout);
      const requestId = requestIdOf(response);
      const text = await response.text();
      let body: unknown;
      try {
        body = text === '' ? undefined : JSON.parse(text);
      } catch {
        body = text;
      }
      const parsed = schema.safeParse(body);
      if (parsed.success) return parsed.data;
      throw new ResponseValidationError(
        `The answer to ${request.method} ${request.path} does not match the Credit API contract (request ${requestId ?? 'unknown'}).`,
        {
          code: 'response_validation_failed',
          status: response.status,
          requestId,
          details: { issues: toIssues(parsed.error) },
        },
      );
    },
    async text(request) {
      const response = await send(request, { accept: 'text/csv' }, request.options?.timeout ?? config.timeout);
      return response.text();
    },
    stream(request, headers) {
      return send(request, { accept: 'text/event-stream', ...headers }, undefined);
    },
  };
}
