import type { PagePromise } from '../core/pagination';
import { paginate } from '../core/pagination';
import type { RequestOptions, Transport } from '../internal/http';
import { validateParams } from '../internal/validate';
import {
  type AiEstimate,
  type AiEstimateCreateParams,
  type AiModel,
  type AiRun,
  type AiRunCreateParams,
  aiEstimate,
  aiEstimateCreateParams,
  aiModelPage,
  aiRun,
  aiRunCreateParams,
} from '../schemas/ai';
import { resourceId } from '../schemas/primitives';

/** AI model rates per 1,000 tokens (R9). */
export class AiModelsResource {
  constructor(private readonly transport: Transport) {}

  /** Every model with its rates and whether the workspace has its own key for its provider. */
  list(options?: RequestOptions): PagePromise<AiModel> {
    return paginate((cursor) =>
      this.transport.json({ method: 'GET', path: '/v1/ai/models', query: { cursor }, options }, aiModelPage),
    );
  }
}

/** Estimates of an AI run, per row and in total, from token counts or prompt text (R9). */
export class AiEstimatesResource {
  constructor(private readonly transport: Transport) {}

  /** Quotes a run of `rows` rows on `model`, per row and in total; charges nothing. */
  async create(params: AiEstimateCreateParams, options?: RequestOptions): Promise<AiEstimate> {
    const body = validateParams(aiEstimateCreateParams, params, 'AI estimate');
    return this.transport.json({ method: 'POST', path: '/v1/ai/estimates', body, options }, aiEstimate);
  }
}

/** AI runs with a budget: the run reserves it, charges settle against it, the rest is released (R9, R16). */
export class AiRunsResource {
  constructor(private readonly transport: Transport) {}

  /**
   * Opens a run and reserves its budget from the spendable balance. Throws `InsufficientCreditsError` when
   * the budget is more than can be spent, and `ValidationError` (`run_exists`) when the run id is taken.
   */
  async create(params: AiRunCreateParams, options?: RequestOptions): Promise<AiRun> {
    const body = validateParams(aiRunCreateParams, params, 'AI run');
    return this.transport.json({ method: 'POST', path: '/v1/ai/runs', body, options }, aiRun);
  }

  /** A run with its budget, what it spent and what is still reserved. */
  async retrieve(runId: string, options?: RequestOptions): Promise<AiRun> {
    const id = encodeURIComponent(validateParams(resourceId, runId, 'run id'));
    return this.transport.json({ method: 'GET', path: `/v1/ai/runs/${id}`, options }, aiRun);
  }

  /** Ends the run; what was charged stays charged (R16) and the unspent budget is released. */
  async complete(runId: string, options?: RequestOptions): Promise<AiRun> {
    const id = encodeURIComponent(validateParams(resourceId, runId, 'run id'));
    return this.transport.json({ method: 'POST', path: `/v1/ai/runs/${id}/complete`, options }, aiRun);
  }

  /**
   * Stops the run midway: the requests already sent stay charged (R16), the unspent budget is released, and the
   * run is completed with `stopped: true`, which usage activity explains. A run already completed stays as it was.
   */
  async stop(runId: string, options?: RequestOptions): Promise<AiRun> {
    const id = encodeURIComponent(validateParams(resourceId, runId, 'run id'));
    return this.transport.json({ method: 'POST', path: `/v1/ai/runs/${id}/stop`, options }, aiRun);
  }
}

/** AI credits: models, estimates and run budgets (R9). */
export class AiResource {
  /** Model rates per 1,000 tokens. */
  readonly models: AiModelsResource;
  /** Cost estimates of a run, per row and in total. */
  readonly estimates: AiEstimatesResource;
  /** Run budgets: open, read and complete runs. */
  readonly runs: AiRunsResource;

  constructor(transport: Transport) {
    this.models = new AiModelsResource(transport);
    this.estimates = new AiEstimatesResource(transport);
    this.runs = new AiRunsResource(transport);
  }
}
