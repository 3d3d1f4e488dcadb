import { bytesToHex } from './hex';

/** The part of `node:crypto` this needs, typed here so that the module imports nothing a web page lacks. */
interface NodeHashing {
  createHash(algorithm: 'sha256'): { update(text: string, encoding: 'utf8'): { digest(encoding: 'hex'): string } };
}

/**
 * Node's hashing when the runtime is Node (`process.getBuiltinModule`, no import, so a page still loads this file):
 * Web Crypto's `digest` hands every call to a thread pool and back, which cost a charge more than its hash, one per
 * request (the Idempotency-Key's body hash).
 */
const nodeHashing = (
  globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }
).process?.getBuiltinModule?.('node:crypto') as NodeHashing | undefined;

/** The SHA-256 of the text's UTF-8 bytes as lower-case hex (Node's hashing on Node, Web Crypto in a browser). */
export async function sha256Hex(text: string): Promise<string> {
  if (nodeHashing) return nodeHashing.createHash('sha256').update(text, 'utf8').digest('hex');
  return bytesToHex(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))));
}
