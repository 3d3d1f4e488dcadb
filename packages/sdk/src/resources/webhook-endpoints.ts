import type { PagePromise } from '../core/pagination';
import { paginate } from '../core/pagination';
import type { RequestOptions, Transport } from '../internal/http';
import { validateParams } from '../internal/validate';
import { resourceId } from '../schemas/primitives';
import {
  type WebhookDelivery,
  type WebhookDeliveryListParams,
  type WebhookDeliveryWithAttempts,
  type WebhookEndpoint,
  type WebhookEndpointCreateParams,
  type WebhookEndpointUpdateParams,
  type WebhookEndpointWithSecret,
  webhookDelivery,
  webhookDeliveryListParams,
  webhookDeliveryPage,
  webhookDeliveryWithAttempts,
  webhookEndpoint,
  webhookEndpointCreateParams,
  webhookEndpointPage,
  webhookEndpointUpdateParams,
  webhookEndpointWithSecret,
} from '../schemas/webhook-endpoints';

function endpointPath(endpointId: string): string {
  return `/v1/webhook-endpoints/${encodeURIComponent(validateParams(resourceId, endpointId, 'webhook endpoint id'))}`;
}

function deliveryPath(endpointId: string, deliveryId: string): string {
  const id = encodeURIComponent(validateParams(resourceId, deliveryId, 'webhook delivery id'));
  return `${endpointPath(endpointId)}/deliveries/${id}`;
}

/**
 * Webhook endpoints: URLs that receive the workspace's events, signed per the Standard Webhooks specification
 * (verify them with `verifyWebhook` from `@creditkit/sdk/webhooks`), with their delivery logs (R26). The secret
 * key or an admin only (R20).
 */
export class WebhookEndpointsResource {
  constructor(private readonly transport: Transport) {}

  /** Registers an endpoint. Its `secret` is in this answer only: keep it where your webhook handler reads it. */
  async create(params: WebhookEndpointCreateParams, options?: RequestOptions): Promise<WebhookEndpointWithSecret> {
    const body = validateParams(webhookEndpointCreateParams, params, 'webhook endpoint');
    return this.transport.json(
      { method: 'POST', path: '/v1/webhook-endpoints', body, options },
      webhookEndpointWithSecret,
    );
  }

  /** Every endpoint of the workspace (at most 16, one page), oldest first, without secrets. */
  list(options?: RequestOptions): PagePromise<WebhookEndpoint> {
    return paginate((cursor) =>
      this.transport.json(
        { method: 'GET', path: '/v1/webhook-endpoints', query: { cursor }, options },
        webhookEndpointPage,
      ),
    );
  }

  /** One endpoint, without its secret; `NotFoundError` when the workspace has none by this id (R21). */
  async retrieve(endpointId: string, options?: RequestOptions): Promise<WebhookEndpoint> {
    return this.transport.json({ method: 'GET', path: endpointPath(endpointId), options }, webhookEndpoint);
  }

  /** Changes the fields given: the URL (checked as at creation), the event types, or whether it is enabled. */
  async update(
    endpointId: string,
    params: WebhookEndpointUpdateParams,
    options?: RequestOptions,
  ): Promise<WebhookEndpoint> {
    const path = endpointPath(endpointId);
    const body = validateParams(webhookEndpointUpdateParams, params, 'webhook endpoint update');
    return this.transport.json({ method: 'POST', path, body, options }, webhookEndpoint);
  }

  /** Deletes the endpoint and its deliveries; answers the endpoint as it was. */
  async delete(endpointId: string, options?: RequestOptions): Promise<WebhookEndpoint> {
    return this.transport.json({ method: 'DELETE', path: endpointPath(endpointId), options }, webhookEndpoint);
  }

  /**
   * A new signing secret, in this answer only. For 24 hours deliveries are signed with both the new and the
   * previous secret, so receivers switch without missing one; `verifyWebhook` takes both meanwhile.
   */
  async rotateSecret(endpointId: string, options?: RequestOptions): Promise<WebhookEndpointWithSecret> {
    return this.transport.json(
      { method: 'POST', path: `${endpointPath(endpointId)}/rotate-secret`, options },
      webhookEndpointWithSecret,
    );
  }

  /** The endpoint's deliveries, newest first: state, attempts, last answer and next attempt. */
  listDeliveries(
    endpointId: string,
    params: WebhookDeliveryListParams = {},
    options?: RequestOptions,
  ): PagePromise<WebhookDelivery> {
    const path = `${endpointPath(endpointId)}/deliveries`;
    return paginate(async (next) => {
      const { cursor, ...query } = validateParams(webhookDeliveryListParams, params, 'delivery list parameters');
      return this.transport.json(
        { method: 'GET', path, query: { ...query, cursor: next ?? cursor }, options },
        webhookDeliveryPage,
      );
    });
  }

  /** One delivery with the log of its attempts. */
  async retrieveDelivery(
    endpointId: string,
    deliveryId: string,
    options?: RequestOptions,
  ): Promise<WebhookDeliveryWithAttempts> {
    return this.transport.json(
      { method: 'GET', path: deliveryPath(endpointId, deliveryId), options },
      webhookDeliveryWithAttempts,
    );
  }

  /** Sends a delivery again now, with the same `webhook-id`, whatever its state; its retry window starts over. */
  async redeliver(endpointId: string, deliveryId: string, options?: RequestOptions): Promise<WebhookDelivery> {
    return this.transport.json(
      { method: 'POST', path: `${deliveryPath(endpointId, deliveryId)}/redeliver`, options },
      webhookDelivery,
    );
  }
}
