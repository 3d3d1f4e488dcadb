import { base64urlToBytes, bytesToBase64url } from './base64url';

/**
 * Seals secrets the server must read back (a webhook endpoint's signing secret: HMAC needs the secret itself, so
 * it cannot be hashed like a secret key) with AES-256-GCM under a key derived from the server's secret by HKDF. A
 * copy of the database alone reveals none of them. Each sealed text is bound to what it belongs to (`context`, an
 * endpoint id), so a sealed secret moved to another row does not open. Web Crypto: Node and browsers alike.
 */
export interface SecretBox {
  seal(secret: string, context: string): Promise<string>;
  /** The secret, or null when the text was not sealed by this server's secret for this context. */
  open(sealed: string, context: string): Promise<string | null>;
}

const version = 'v1';

/** Web Crypto's key type, named without the DOM library (the server's TypeScript sees Node's types only). */
type AesKey = Awaited<ReturnType<typeof crypto.subtle.deriveKey>>;

async function deriveKey(serverSecret: string): Promise<AesKey> {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(serverSecret), 'HKDF', false, [
    'deriveKey',
  ]);
  return crypto.subtle.deriveKey(
    {
      name: 'HKDF',
      hash: 'SHA-256',
      salt: new TextEncoder().encode('creditkit'),
      info: new TextEncoder().encode('webhook signing secrets v1'),
    },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

export function createSecretBox(serverSecret: string): SecretBox {
  let key: Promise<AesKey> | undefined;
  const keyOnce = () => {
    key ??= deriveKey(serverSecret);
    return key;
  };
  return {
    async seal(secret, context) {
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const sealed = await crypto.subtle.encrypt(
        { name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(context) },
        await keyOnce(),
        new TextEncoder().encode(secret),
      );
      return `${version}.${bytesToBase64url(iv)}.${bytesToBase64url(new Uint8Array(sealed))}`;
    },
    async open(sealed, context) {
      const [prefix, ivText, bodyText] = sealed.split('.');
      const iv = ivText === undefined ? null : base64urlToBytes(ivText);
      const body = bodyText === undefined ? null : base64urlToBytes(bodyText);
      if (prefix !== version || iv === null || body === null) return null;
      try {
        const opened = await crypto.subtle.decrypt(
          { name: 'AES-GCM', iv: new Uint8Array(iv), additionalData: new TextEncoder().encode(context) },
          await keyOnce(),
          new Uint8Array(body),
        );
        return new TextDecoder().decode(opened);
      } catch {
        return null;
      }
    },
  };
}
