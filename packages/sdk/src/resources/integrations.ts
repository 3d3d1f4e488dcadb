import type { PagePromise } from '../core/pagination';
import { paginate } from '../core/pagination';
import type { RequestOptions, Transport } from '../internal/http';
import { validateParams } from '../internal/validate';
import {
  type Integration,
  type IntegrationKeySetParams,
  integration,
  integrationKeySetParams,
  integrationPage,
} from '../schemas/integrations';
import { resourceId } from '../schemas/primitives';

/** Provider integrations and the workspace's own API keys, which make their actions free (R10). */
export class IntegrationsResource {
  constructor(
    private readonly transport: Transport,
    /** Own keys change what actions cost, so cached costs are dropped. */
    private readonly onKeyChange: () => void,
  ) {}

  /** Every provider, with whether the workspace has its own key for it. */
  list(options?: RequestOptions): PagePromise<Integration> {
    return paginate((cursor) =>
      this.transport.json({ method: 'GET', path: '/v1/integrations', query: { cursor }, options }, integrationPage),
    );
  }

  /** Sets the provider's own key; only its last 4 characters ever come back. Admins only. */
  async setKey(provider: string, params: IntegrationKeySetParams, options?: RequestOptions): Promise<Integration> {
    const path = `/v1/integrations/${encodeURIComponent(validateParams(resourceId, provider, 'provider'))}/key`;
    const body = validateParams(integrationKeySetParams, params, 'own API key');
    const result = await this.transport.json({ method: 'PUT', path, body, options }, integration);
    this.onKeyChange();
    return result;
  }

  /** Removes the provider's own key; its actions cost credits again. Admins only. */
  async deleteKey(provider: string, options?: RequestOptions): Promise<Integration> {
    const path = `/v1/integrations/${encodeURIComponent(validateParams(resourceId, provider, 'provider'))}/key`;
    const result = await this.transport.json({ method: 'DELETE', path, options }, integration);
    this.onKeyChange();
    return result;
  }
}
