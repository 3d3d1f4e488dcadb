/*
 * JSON Schema's `multipleOf` as the specification defines it, on the decimal a JSON number is written as. Binary
 * division misjudges amounts: 999999.999 / 0.001 = 999999998.9999999, and no absolute tolerance fits both a
 * thousandth and a trillion. The server writes numbers with JSON.stringify, whose shortest text is the decimal it
 * meant, so that text is what is checked.
 */

/** A JSON number as the exact decimal its shortest text (the text JSON.stringify sends) denotes. */
function exactDecimal(value: number): { digits: bigint; scale: number } {
  const [mantissa = '0', exponentText = '0'] = String(value).toLowerCase().split('e');
  const [whole = '0', fraction = ''] = mantissa.split('.');
  const scale = fraction.length - Number(exponentText);
  const digits = BigInt(`${whole}${fraction}`);
  return scale >= 0 ? { digits, scale } : { digits: digits * 10n ** BigInt(-scale), scale: 0 };
}

/** multipleOf without binary rounding: 0.003 is a multiple of 0.001, 1.0005 is not. */
export function isDecimalMultiple(value: number, divisor: number): boolean {
  const a = exactDecimal(value);
  const b = exactDecimal(divisor);
  const scale = Math.max(a.scale, b.scale);
  const scaledA = a.digits * 10n ** BigInt(scale - a.scale);
  const scaledB = b.digits * 10n ** BigInt(scale - b.scale);
  return scaledB !== 0n && scaledA % scaledB === 0n;
}
