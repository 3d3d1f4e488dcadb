import { CreditError } from './credit-error';

/**
 * Thrown by `verifyWebhook` when a delivery cannot be trusted: a signature header is missing
 * (`webhook_headers_missing`), its timestamp is outside the tolerance (`webhook_timestamp_out_of_tolerance`,
 * a replay or a badly wrong clock), no signature matches a secret (`webhook_signature_mismatch`), or the signed
 * body is not an event (`webhook_payload_invalid`). Answer such a delivery with a 4xx and do not act on it.
 */
export class WebhookVerificationError extends CreditError {
  static override readonly kind: string = 'WebhookVerificationError';
}
