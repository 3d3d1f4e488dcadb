import {
  type AddressRefusal,
  addressRefusal,
  addressRefusalWords,
  hostRefusal,
  ipFamily,
  isRefused,
} from './address-policy';

/** A host name's addresses, as DNS answers now (injected, so tests give the answers; none in a web page). */
export type HostResolver = (hostname: string) => Promise<string[]>;

export interface UrlGuardOptions {
  /** Dev mode: this machine's loopback addresses may be reached. */
  allowLoopback: boolean;
  resolveHost?: HostResolver | undefined;
}

/** A URL the server will not deliver to, and why, in words for a person. */
export class RefusedWebhookAddress extends Error {
  constructor(
    readonly host: string,
    readonly refusal: AddressRefusal,
    address?: string,
  ) {
    super(
      address === undefined
        ? `${host} is ${addressRefusalWords[refusal]}, which webhooks may not reach.`
        : `${host} resolves to ${address}, ${addressRefusalWords[refusal]}, which webhooks may not reach.`,
    );
    this.name = 'RefusedWebhookAddress';
  }
}

/** The URL's host without the brackets of an IPv6 literal. */
export function bareHost(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, '');
}

/** Throws when any of `addresses` may not be reached; an answer mixing inside and outside addresses is refused. */
function checkAddresses(host: string, addresses: readonly string[], allowLoopback: boolean): void {
  for (const address of addresses) {
    const refusal = addressRefusal(address);
    if (isRefused(refusal, allowLoopback)) throw new RefusedWebhookAddress(host, refusal, address);
  }
}

/**
 * At registration: refuses a URL whose host is, or resolves now to, an address webhooks may not reach. A name
 * that does not resolve yet is accepted: every delivery checks what it resolves to then.
 */
export async function checkWebhookUrl(text: string, options: UrlGuardOptions): Promise<void> {
  const url = new URL(text);
  const host = bareHost(url);
  const refusal = hostRefusal(host);
  if (isRefused(refusal, options.allowLoopback)) throw new RefusedWebhookAddress(host, refusal);
  if (ipFamily(host) !== null || options.resolveHost === undefined) return;
  let addresses: string[];
  try {
    addresses = await options.resolveHost(host);
  } catch {
    return;
  }
  checkAddresses(host, addresses, options.allowLoopback);
}

/**
 * At each delivery: the addresses to connect to, every one checked, so a name that now resolves inside (DNS
 * rebinding) is refused before any connection is opened. The connection then goes to these addresses only.
 */
export async function deliveryAddresses(url: URL, options: UrlGuardOptions): Promise<string[]> {
  const host = bareHost(url);
  const refusal = hostRefusal(host);
  if (isRefused(refusal, options.allowLoopback)) throw new RefusedWebhookAddress(host, refusal);
  if (ipFamily(host) !== null) return [host];
  if (options.resolveHost === undefined) throw new Error(`${host} cannot be resolved here.`);
  const addresses = await options.resolveHost(host);
  if (addresses.length === 0) throw new Error(`${host} has no address.`);
  checkAddresses(host, addresses, options.allowLoopback);
  return addresses;
}
