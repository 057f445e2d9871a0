/**
 * OpenAPI numeric formats as ranges. JSON Schema has no such formats, so hookproof writes them as
 * minimum/maximum. Beyond 2^53 a JS number cannot hold every integer: the bounds below are the
 * format's true limits, and `generationBounds` gives the extremes that are exactly representable.
 */
export interface NumericRange {
  readonly minimum: number;
  readonly maximum: number;
  readonly integer: boolean;
}

const FLOAT_MAX = 3.4028234663852886e38;

export const NUMERIC_FORMATS: Readonly<Record<string, NumericRange>> = {
  int8: { minimum: -128, maximum: 127, integer: true },
  uint8: { minimum: 0, maximum: 255, integer: true },
  int16: { minimum: -32768, maximum: 32767, integer: true },
  uint16: { minimum: 0, maximum: 65535, integer: true },
  int32: { minimum: -2147483648, maximum: 2147483647, integer: true },
  uint32: { minimum: 0, maximum: 4294967295, integer: true },
  // The true maxima 2^63 - 1 and 2^64 - 1 are not doubles: they round to 2^63 and 2^64, written
  // so here because that is the value the code holds; see generationBounds.
  int64: { minimum: -(2 ** 63), maximum: 2 ** 63, integer: true },
  uint64: { minimum: 0, maximum: 2 ** 64, integer: true },
  float: { minimum: -FLOAT_MAX, maximum: FLOAT_MAX, integer: false },
  double: { minimum: -Number.MAX_VALUE, maximum: Number.MAX_VALUE, integer: false },
};

/**
 * Integer extremes a generator can send as exact JSON digits. Above 2^53 a bound such as 2^63 - 1
 * parses to 2^63, which lies outside the format, so unsafe bounds step one double inwards;
 * a negative power of two (-2^63) is exact and kept.
 */
export function generationBounds(minimum: number, maximum: number): { min: number; max: number } {
  const max = Number.isSafeInteger(maximum) ? maximum : nextDown(maximum);
  const min = Number.isSafeInteger(minimum) || isPowerOfTwo(-minimum) ? minimum : -nextDown(-minimum);
  return { min, max };
}

function isPowerOfTwo(x: number): boolean {
  return x > 0 && Number.isInteger(Math.log2(x));
}

/** The next smaller double, for a positive finite x. */
function nextDown(x: number): number {
  const bits = new Float64Array([x]);
  const asInt = new BigInt64Array(bits.buffer);
  asInt[0] = (asInt[0] ?? 0n) - 1n;
  return bits[0] ?? x;
}
