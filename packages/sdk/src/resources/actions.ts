import { NotFoundError } from '../core/errors/not-found-error';
import type { PagePromise } from '../core/pagination';
import { paginate } from '../core/pagination';
import { createBatchLoader } from '../internal/batch';
import type { RequestOptions, Transport } from '../internal/http';
import { validateParams } from '../internal/validate';
import { type Action, type ActionListParams, actionListParams, actionPage } from '../schemas/actions';
import { resourceId } from '../schemas/primitives';

/** The most ids one `GET /v1/actions?ids=` carries: the contract's limit. */
const maxIdsPerRequest = 500;
/** Keeps the request line under 8 KB (the common proxy limit) however long the ids are. */
const maxIdsLength = 7000;
/** How long a looked-up cost is reused: long enough for a panel's remounts, short enough to see a new own key. */
const costCacheTtl = 10_000;

/** What actions cost before they run (R8), with the workspace's own-key effect (R10). */
export class ActionsResource {
  private readonly costs;

  constructor(private readonly transport: Transport) {
    this.costs = createBatchLoader<Action>(
      async (ids) => {
        const page = await transport.json({ method: 'GET', path: '/v1/actions', query: { ids } }, actionPage);
        return new Map(page.data.map((action) => [action.id, action]));
      },
      (id) => new NotFoundError(`No action "${id}".`, { code: 'not_found', status: 404 }),
      { maxBatch: maxIdsPerRequest, maxEncodedLength: maxIdsLength, ttl: costCacheTtl },
    );
  }

  /**
   * One action's cost. Calls made in the same tick share one `GET /v1/actions?ids=...` (up to 500 ids,
   * or about 7 KB of them), and answers are reused for 10 s, so hundreds of cost badges cost one request.
   */
  async retrieve(actionId: string, options?: Pick<RequestOptions, 'signal'>): Promise<Action> {
    const id = validateParams(resourceId, actionId, 'action id');
    const cost = this.costs.load(id);
    const signal = options?.signal;
    if (!signal) return cost;
    // Other callers share the batch, so an abort only lets this caller go.
    return new Promise((resolve, reject) => {
      const abort = () => reject(signal.reason);
      if (signal.aborted) return abort();
      signal.addEventListener('abort', abort, { once: true });
      cost.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
    });
  }

  /** The action catalogue, or the actions named by `ids`. */
  list(params: ActionListParams = {}, options?: RequestOptions): PagePromise<Action> {
    return paginate(async (cursor) => {
      const { ids } = validateParams(actionListParams, params, 'action list parameters');
      return this.transport.json({ method: 'GET', path: '/v1/actions', query: { ids, cursor }, options }, actionPage);
    });
  }

  /** Forgets cached costs, e.g. after setting an own API key. */
  clearCache(): void {
    this.costs.clear();
  }
}
