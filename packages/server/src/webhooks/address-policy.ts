/**
 * Which addresses a webhook may be delivered to (R26): never inside the server's own network. A URL is checked
 * when an endpoint is registered or changed, and every address its host resolves to is checked again at each
 * delivery (a name may resolve elsewhere later: DNS rebinding). Pure, so the in-page API checks the same way.
 */

/** Why an address is refused; `loopback` alone is allowed in dev mode. */
export type AddressRefusal =
  | 'loopback'
  | 'private'
  | 'link_local'
  | 'shared'
  | 'unspecified'
  | 'multicast'
  | 'reserved'
  | 'metadata';

/** Words for a refusal, in a problem's message and a delivery's log. */
export const addressRefusalWords: Record<AddressRefusal, string> = {
  loopback: 'a loopback address',
  private: 'a private address',
  link_local: 'a link-local address',
  shared: 'a shared (carrier-grade NAT) address',
  unspecified: 'an unspecified address',
  multicast: 'a multicast or broadcast address',
  reserved: 'a reserved address',
  metadata: 'a cloud metadata service',
};

/** Names of cloud metadata services, which answer on addresses that may look public. */
const metadataNames = new Set([
  'metadata',
  'metadata.google.internal',
  'metadata.goog',
  'instance-data',
  'instance-data.ec2.internal',
]);

/** Metadata services on addresses no other rule refuses (Azure's wire server). */
const metadataIpv4 = new Set(['168.63.129.16']);

function parseIpv4(text: string): number[] | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  const bytes = parts.map((part) => (/^\d{1,3}$/.test(part) ? Number(part) : Number.NaN));
  return bytes.every((byte) => byte <= 255) ? bytes : null;
}

function ipv4Refusal(bytes: readonly number[]): AddressRefusal | null {
  const [a = 0, b = 0, c = 0] = bytes;
  if (metadataIpv4.has(bytes.join('.'))) return 'metadata';
  if (a === 0) return 'unspecified';
  if (a === 127) return 'loopback';
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return 'private';
  if (a === 169 && b === 254) return bytes.join('.') === '169.254.169.254' ? 'metadata' : 'link_local';
  if (a === 100 && b >= 64 && b <= 127) return 'shared';
  if (a >= 224) return a < 240 || bytes.every((byte) => byte === 255) ? 'multicast' : 'reserved';
  // IETF protocol assignments (192.0.0.0/24: NAT64 discovery, some providers' metadata) and benchmarking.
  if ((a === 192 && b === 0 && c === 0) || (a === 198 && (b === 18 || b === 19))) return 'reserved';
  return null;
}

/** The 16 bytes of an IPv6 address (`::` shorthand and a dotted IPv4 tail accepted, a zone dropped), or null. */
function parseIpv6(text: string): number[] | null {
  const address = text.split('%')[0] ?? '';
  if (!/^[0-9a-fA-F:.]+$/.test(address)) return null;
  let tail: number[] = [];
  let head = address;
  if (address.includes('.')) {
    // A dotted IPv4 tail stands for the last two groups.
    const lastColon = address.lastIndexOf(':');
    const ipv4 = parseIpv4(address.slice(lastColon + 1));
    if (ipv4 === null) return null;
    tail = ipv4;
    const prefix = address.slice(0, lastColon + 1);
    head = prefix.endsWith('::') ? prefix : prefix.slice(0, -1);
  }
  const halves = head.split('::');
  if (halves.length > 2) return null;
  const groupsOf = (half: string | undefined) => (half === undefined || half === '' ? [] : half.split(':'));
  const left = groupsOf(halves[0]);
  const right = groupsOf(halves[1]);
  const wanted = 8 - tail.length / 2;
  const missing = wanted - left.length - right.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const groups = [...left, ...Array<string>(halves.length === 1 ? 0 : missing).fill('0'), ...right];
  if (!groups.every((group) => /^[0-9a-fA-F]{1,4}$/.test(group))) return null;
  const bytes = groups.flatMap((group) => {
    const value = Number.parseInt(group, 16);
    return [value >> 8, value & 0xff];
  });
  return [...bytes, ...tail];
}

function ipv6Refusal(bytes: readonly number[]): AddressRefusal | null {
  const zeroUpTo = (end: number) => bytes.slice(0, end).every((byte) => byte === 0);
  const embeddedIpv4 = (start: number) => ipv4Refusal(bytes.slice(start, start + 4));
  const [b0 = 0, b1 = 0, b2 = 0, b3 = 0] = bytes;
  if (zeroUpTo(15)) return bytes[15] === 1 ? 'loopback' : bytes[15] === 0 ? 'unspecified' : 'reserved';
  // IPv4-mapped (::ffff:a.b.c.d) and IPv4-compatible (::a.b.c.d): the IPv4 address is what is reached.
  if (zeroUpTo(10) && bytes[10] === 0xff && bytes[11] === 0xff) return embeddedIpv4(12);
  if (zeroUpTo(12)) return embeddedIpv4(12) ?? 'reserved';
  // NAT64 (64:ff9b::/96) reaches its embedded IPv4 address; the local-use prefix 64:ff9b:1::/48 stays inside.
  if (b0 === 0x00 && b1 === 0x64 && b2 === 0xff && b3 === 0x9b) {
    return bytes.slice(4, 12).every((byte) => byte === 0) ? embeddedIpv4(12) : 'reserved';
  }
  // 6to4 (2002::/16) carries an IPv4 address in bytes 2–5; Teredo (2001::/32) tunnels to one it hides.
  if (b0 === 0x20 && b1 === 0x02) return embeddedIpv4(2);
  if (b0 === 0x20 && b1 === 0x01 && b2 === 0 && b3 === 0) return 'reserved';
  // Discard-only (100::/64).
  if (b0 === 0x01 && b1 === 0x00 && bytes.slice(2, 8).every((byte) => byte === 0)) return 'reserved';
  if ((b0 & 0xfe) === 0xfc) return 'private';
  if (b0 === 0xfe && (b1 & 0xc0) === 0x80) return 'link_local';
  if (b0 === 0xfe && (b1 & 0xc0) === 0xc0) return 'private';
  if (b0 === 0xff) return 'multicast';
  return null;
}

/** An IP literal's family, or null for a name. */
export function ipFamily(text: string): 4 | 6 | null {
  if (parseIpv4(text) !== null) return 4;
  return text.includes(':') && parseIpv6(text) !== null ? 6 : null;
}

/** Why deliveries may not reach this IP address, or null when they may. A text that is no IP address is refused. */
export function addressRefusal(address: string): AddressRefusal | null {
  const ipv4 = parseIpv4(address);
  if (ipv4 !== null) return ipv4Refusal(ipv4);
  const ipv6 = address.includes(':') ? parseIpv6(address) : null;
  return ipv6 === null ? 'reserved' : ipv6Refusal(ipv6);
}

/**
 * Why deliveries may not go to a URL's host as written (`[…]` around IPv6, a trailing dot allowed), before any
 * name is resolved; null when it is a name to resolve, or an address that may be reached.
 */
export function hostRefusal(hostname: string): AddressRefusal | null {
  const host = hostname
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .toLowerCase();
  if (ipFamily(host) !== null) return addressRefusal(host);
  if (host === 'localhost' || host.endsWith('.localhost')) return 'loopback';
  return metadataNames.has(host) ? 'metadata' : null;
}

/** Dev mode lets deliveries reach this machine (a receiver under test); nothing else it refuses. */
export function isRefused(refusal: AddressRefusal | null, allowLoopback: boolean): refusal is AddressRefusal {
  return refusal !== null && !(allowLoopback && refusal === 'loopback');
}
