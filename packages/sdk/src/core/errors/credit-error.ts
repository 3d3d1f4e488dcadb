const kindsKey = Symbol.for('creditkit.error.kinds');

/**
 * What every {@link CreditError} is built from: its code, the HTTP status and request id when the
 * API answered, details and the cause.
 * @inline
 */
export interface CreditErrorFields {
  code: string;
  status?: number | undefined;
  requestId?: string | undefined;
  details?: unknown;
  cause?: unknown;
}

/**
 * Any error class whose instances are `T`.
 * @inline
 */
type ErrorClass<T> = abstract new (...args: never[]) => T;

/**
 * The root of every error this SDK throws. `instanceof` and `CreditError.is` work across bundle
 * copies of the SDK (two versions in one app, a worker and a page): they check a brand registered
 * under a global symbol, not the class identity.
 */
export class CreditError extends Error {
  /** The class's name, branded on its instances for `instanceof` and `is()`, and used as the error's `name`. */
  static readonly kind: string = 'CreditError';
  /** A stable, machine-readable code: the API's problem `code`, or the SDK's own for local failures. */
  readonly code: string;
  /** The HTTP status, when the API answered. */
  readonly status: number | undefined;
  /** The `x-request-id` of the failed request, to quote to support. */
  readonly requestId: string | undefined;
  /** More about the failure: the problem body's `details`, such as the limit of a 402; its shape depends on `code`. */
  readonly details: unknown;

  constructor(message: string, fields: CreditErrorFields) {
    super(message, fields.cause === undefined ? undefined : { cause: fields.cause });
    const kinds: string[] = [];
    for (
      let type: unknown = new.target;
      type && Object.hasOwn(type as object, 'kind');
      type = Object.getPrototypeOf(type)
    ) {
      kinds.push((type as typeof CreditError).kind);
    }
    Object.defineProperty(this, kindsKey, { value: kinds });
    this.name = kinds[0] ?? 'CreditError';
    this.code = fields.code;
    this.status = fields.status;
    this.requestId = fields.requestId;
    this.details = fields.details;
  }

  /** True when `value` is an error of this class or a subclass, from any copy of the SDK. */
  // `this` is the class `instanceof` was asked about, so one method serves every subclass.
  static override [Symbol.hasInstance](value: unknown): boolean {
    const kinds = (value as { [kindsKey]?: unknown } | null | undefined)?.[kindsKey];
    // biome-ignore lint/complexity/noThisInStatic: polymorphic on purpose
    return Array.isArray(kinds) && kinds.includes(this.kind);
  }

  /** Type guard that narrows to the class it is called on: `SpendLimitReachedError.is(error)`. */
  static is<T>(this: ErrorClass<T> & { kind: string }, value: unknown): value is T {
    // biome-ignore lint/complexity/noThisInStatic: narrows to the class it is called on
    return CreditError[Symbol.hasInstance].call(this, value);
  }
}
