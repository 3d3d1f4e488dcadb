// What text the API accepts, shared by the SDK's schemas (before sending) and the server (before storing).

/**
 * True when `value` is text every database the server runs on can store as it is: well-formed UTF-16
 * (each surrogate in a pair) and no NUL. A lone surrogate has no UTF-8 encoding, so a driver would swap it
 * for U+FFFD and two different ids would become one; PostgreSQL refuses NUL in text outright.
 * A loop rather than `String.prototype.isWellFormed` (ES2024), which older browsers lack.
 */
export function isStorableText(value: string): boolean {
  for (let index = 0; index < value.length; index++) {
    const unit = value.charCodeAt(index);
    if (unit === 0) return false;
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = value.charCodeAt(index + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return false;
      index++;
    } else if (unit >= 0xdc00 && unit <= 0xdfff) {
      return false;
    }
  }
  return true;
}

/**
 * The length of `value` as JSON Schema's `maxLength` counts it: in characters (Unicode code points), so an emoji
 * is 1, where JavaScript's `length` counts UTF-16 code units and makes it 2. A lone surrogate counts as one.
 */
export function characterCount(value: string): number {
  let count = 0;
  for (let index = 0; index < value.length; index++) {
    const unit = value.charCodeAt(index);
    const next = value.charCodeAt(index + 1);
    if (unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) index++;
    count++;
  }
  return count;
}
