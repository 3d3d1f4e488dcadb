/*
 * Deliberate faults put in front of the in-page API by the error and loading stories: what a host page meets
 * when the API or the network fails. Every other answer a story gets comes from the API itself.
 */

/** Decides a request's fate: fails it, or passes it on to the API (`next`). */
export type Fault = (request: Request, next: (request: Request) => Promise<Response>) => Promise<Response>;

/** What a failing server answers: an `application/problem+json` 500, as the API's own errors are written. */
function internalError(message: string): Response {
  const body = { type: 'https://creditkit.dev/problems/internal_error', status: 500, code: 'internal_error', message };
  return new Response(JSON.stringify(body), { status: 500, headers: { 'content-type': 'application/problem+json' } });
}

/** Every request answers 500. */
export const serverFails: Fault = async () => internalError('The Credit API could not answer. Try again shortly.');

/** Every request fails before reaching the API (offline, DNS, a proxy), as `fetch` rejects then. */
export const networkFails: Fault = async () => {
  throw new TypeError('Failed to fetch');
};

/** No request is ever answered, until the client gives up on it. */
export const neverAnswers: Fault = (request) =>
  new Promise((_resolve, reject) => {
    request.signal.addEventListener('abort', () => reject(request.signal.reason), { once: true });
  });

/** Saving a spend limit answers 500; everything else reaches the API. */
export const spendLimitSavesFail: Fault = (request, next) =>
  request.method === 'PUT' && new URL(request.url).pathname.endsWith('/spend-limit')
    ? Promise.resolve(internalError('The Credit API could not save the limit. Try again shortly.'))
    : next(request);
