import type { RequestOptions, Transport } from '../internal/http';
import { validateParams } from '../internal/validate';
import { type Quote, type QuoteCreateParams, quote, quoteCreateParams } from '../schemas/quotes';

/** What a run would cost and where it would stop, before it starts (R23). */
export class QuotesResource {
  constructor(private readonly transport: Transport) {}

  /**
   * Quotes a run of an action over records (or a row count): rows to charge, already paid (R13) and free by
   * own key (R10), the credits, the balance after, and the limit that would stop it. Charges and writes nothing.
   * A quote is advice: a charge made later decides again, so a spend between the two changes the outcome.
   */
  async create(params: QuoteCreateParams, options?: RequestOptions): Promise<Quote> {
    const body = validateParams(quoteCreateParams, params, 'quote');
    return this.transport.json({ method: 'POST', path: '/v1/quotes', body, options }, quote);
  }
}
