// `@creditkit/sdk/webhooks`: what a host's backend needs to receive the Credit API's webhooks, without the client.
export { CreditError } from './core/errors/credit-error';
export { WebhookVerificationError } from './core/errors/webhook-verification-error';
export type { CreditEvent } from './schemas/events';
export type { WebhookHeaders, WebhookToSign } from './webhooks/sign-webhook';
export { signWebhook } from './webhooks/sign-webhook';
export { WEBHOOK_SECRET_PREFIX } from './webhooks/signing-key';
export type {
  UnknownWebhookEvent,
  VerifyWebhookOptions,
  WebhookEvent,
  WebhookRequestHeaders,
} from './webhooks/verify-webhook';
export { verifyWebhook } from './webhooks/verify-webhook';
