import { CreditError } from '../core/errors/credit-error';

/** Where the bearer credential of each request comes from. */
export interface Credentials {
  /** The credential to send now. */
  current(): Promise<string>;
  /**
   * Called on a 401 with the credential that was refused. Answers whether sending again may help:
   * true for session tokens, whose next `current()` asks the host for a fresh one.
   */
  invalidate(refused: Promise<string>): boolean;
}

/** True in a page or a browser worker, where anything in the bundle is public. */
export function isBrowser(): boolean {
  const scope = globalThis as { document?: unknown; WorkerGlobalScope?: unknown };
  return typeof scope.document === 'object' || typeof scope.WorkerGlobalScope === 'function';
}

function refuseSecretKeyInBrowser(credential: string): string {
  if (isBrowser() && credential.startsWith('sk_')) {
    throw new CreditError(
      'A secret key (sk_...) must never reach a browser. Mint a session token on your server with ' +
        'client.sessions.create() and pass `token` to createCreditClient instead.',
      { code: 'secret_key_in_browser' },
    );
  }
  return credential;
}

/** A workspace secret key, for servers. */
export function secretKeyCredentials(apiKey: string): Credentials {
  refuseSecretKeyInBrowser(apiKey);
  const current = Promise.resolve(apiKey);
  return { current: () => current, invalidate: () => false };
}

/** Short-lived session tokens from the host, asked for once and again after a 401. */
export function sessionTokenCredentials(getToken: () => string | Promise<string>): Credentials {
  let token: Promise<string> | undefined;
  return {
    current() {
      if (!token) {
        const fetching = Promise.resolve().then(getToken).then(refuseSecretKeyInBrowser);
        // A failed fetch is not cached: the next call asks the host again.
        fetching.catch(() => {
          if (token === fetching) token = undefined;
        });
        token = fetching;
      }
      return token;
    },
    invalidate(refused) {
      // Several calls refused with the same token share one refresh.
      if (token === refused) token = undefined;
      return true;
    },
  };
}
