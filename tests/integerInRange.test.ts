import fc from 'fast-check';
import { DeliveryClient } from '../src/delivery/DeliveryClient';
import type { DeliveryRequest } from '../src/delivery/DeliveryRequest';
import { deliverWithRetries } from '../src/delivery/retry';
import { UsageError } from '../src/errors';
import { integerInRange, type IntegerRange } from '../src/integerInRange';
import { OPTION_RANGES, optionInRange, type RangedOption } from '../src/optionRanges';
import { parseShard } from '../src/fleet/shard';
import { buildSignatureVectors } from '../src/signing/vectors';
import { SIGNATURE_LABELS } from '../src/contract/signatureLabels';

/** The outcome of one call: the number accepted, or the error's class and message. */
function outcome(call: () => number): { accepted: number } | { refused: string; usage: boolean } {
  try {
    return { accepted: call() };
  } catch (error) {
    return { refused: error instanceof Error ? error.message : String(error), usage: error instanceof UsageError };
  }
}

const message = (got: string): string => `n must be in range, got ${got}`;

/** A range of safe integers, min ≤ max, often small so values fall on both sides of its ends. */
const ranges: fc.Arbitrary<IntegerRange> = fc
  .tuple(fc.oneof(fc.integer({ min: -50, max: 50 }), fc.maxSafeInteger()), fc.oneof(fc.integer({ min: -50, max: 50 }), fc.maxSafeInteger()))
  .map(([a, b]) => ({ min: Math.min(a, b), max: Math.max(a, b) }));

/** Integers near the range's ends and anywhere among the safe ones. */
function integersAround(range: IntegerRange): fc.Arbitrary<number> {
  return fc
    .oneof(
      fc.integer({ min: -3, max: 3 }).map((d) => range.min + d),
      fc.integer({ min: -3, max: 3 }).map((d) => range.max + d),
      fc.maxSafeInteger(),
      fc.integer(),
    )
    .filter((n) => Number.isSafeInteger(n));
}

describe('integerInRange, the one integer validator', () => {
  it("accepts exactly the safe integers within the range, and refuses the rest with the caller's message", () => {
    fc.assert(
      fc.property(
        ranges.chain((range) => fc.tuple(fc.constant(range), integersAround(range))),
        ([range, n]) => {
          const inside = n >= range.min && n <= range.max;
          expect(outcome(() => integerInRange(n, range, message))).toEqual(inside ? { accepted: n } : { refused: message(String(n)), usage: true });
        },
      ),
    );
  });

  it('reads decimal digits as the same number, and refuses them with whitespace around', () => {
    fc.assert(
      fc.property(
        ranges.chain((range) =>
          fc.tuple(
            fc.constant(range),
            integersAround(range).filter((n) => n >= 0),
            fc.constantFrom('', ' ', '\t'),
          ),
        ),
        ([range, n, pad]) => {
          const text = `${pad}${n}${pad}`;
          const inside = n >= range.min && n <= range.max && pad === '';
          expect(outcome(() => integerInRange(text, range, message))).toEqual(inside ? { accepted: n } : { refused: message(text), usage: true });
        },
      ),
    );
  });

  it('refuses numbers that are not safe integers, and text that is not plain digits, whatever the range', () => {
    const notInteger = fc.oneof(
      fc.double({ noNaN: false }).filter((x) => !Number.isSafeInteger(x)),
      fc.constantFrom(2 ** 53, -(2 ** 53), Number.NaN, Number.POSITIVE_INFINITY, 0.5),
    );
    const notDigits = fc.oneof(
      fc.string().filter((s) => !/^\s*\d+\s*$/.test(s)),
      fc.constantFrom('1e3', '-1', '0x10', '1.0', '+5', '', '9007199254740993', '1_000'),
    );
    const everything: IntegerRange = { min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER };
    fc.assert(
      fc.property(fc.oneof(notInteger, notDigits), (value) => {
        expect(outcome(() => integerInRange(value, everything, message))).toEqual({ refused: message(String(value)), usage: true });
      }),
    );
  });
});

describe('its callers keep their own messages', () => {
  const options = Object.keys(OPTION_RANGES) as RangedOption[];

  it('option values (CLI and runner): accepted in the documented range, else "<option> must be a whole number from MIN to MAX"', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...options).chain((option) => fc.tuple(fc.constant(option), integersAround(OPTION_RANGES[option]), fc.boolean())),
        ([option, n, asText]) => {
          const { min, max } = OPTION_RANGES[option];
          const value = asText ? String(n) : n;
          const inside = n >= min && n <= max;
          const expected = inside ? { accepted: n } : { refused: `${option} must be a whole number from ${min} to ${max}, got "${n}"`, usage: true };
          expect(outcome(() => optionInRange(option, value))).toEqual(expected);
        },
      ),
    );
  });

  it('the delivery client: timeoutMs, maxResponseBytes and connections say what they must be', async () => {
    const cases: Array<[ConstructorParameters<typeof DeliveryClient>[0], string]> = [
      [{ timeoutMs: 0 }, 'timeoutMs must be a positive integer of at most 2147483647, got 0'],
      [{ timeoutMs: 2 ** 31 }, 'timeoutMs must be a positive integer of at most 2147483647, got 2147483648'],
      [{ timeoutMs: 1.5 }, 'timeoutMs must be a positive integer of at most 2147483647, got 1.5'],
      [{ maxResponseBytes: -1 }, 'maxResponseBytes must be a non-negative integer, got -1'],
      [{ connections: 0 }, 'connections must be a positive integer, got 0'],
    ];
    for (const [options, refused] of cases) expect(outcome(() => new DeliveryClient(options).timeoutMs)).toEqual({ refused, usage: true });
    const client = new DeliveryClient({ timeoutMs: 2 ** 31 - 1, maxResponseBytes: 0, connections: 1 });
    expect({ timeoutMs: client.timeoutMs, maxResponseBytes: client.maxResponseBytes }).toEqual({ timeoutMs: 2 ** 31 - 1, maxResponseBytes: 0 });
    await client.close();
  });

  it('retries, signature vectors and --shard keep their wording and their UsageError', async () => {
    const never = { send: (): Promise<never> => Promise.reject(new Error('no delivery expected')) };
    const request: DeliveryRequest = { url: 'http://127.0.0.1:9/', headers: {}, body: Buffer.from('{}') };
    const retriesRefusal = await deliverWithRetries(never, request, { retries: -1 }).then(
      () => ({ refused: 'resolved', usage: false }),
      (error: unknown) => ({ refused: error instanceof Error ? error.message : String(error), usage: error instanceof UsageError }),
    );
    expect(retriesRefusal).toEqual({ refused: 'retries must be a non-negative integer, got -1', usage: true });
    expect(outcome(() => buildSignatureVectors({ bodies: ['{}'], seed: 1.5 }).length)).toEqual({ refused: 'the vector seed must be an integer, got 1.5', usage: true });
    expect(outcome(() => buildSignatureVectors({ bodies: ['{}'], seed: -7, perLabel: 0 }).length)).toEqual({
      refused: 'vectors per label must be a positive integer, got 0',
      usage: true,
    });
    expect(outcome(() => buildSignatureVectors({ bodies: ['{}'], seed: -7, perLabel: 2 }).length)).toEqual({ accepted: 2 * SIGNATURE_LABELS.length });
    for (const text of ['0/3', '4/3', '1/0', '1/99999999999999999', 'x/2']) {
      expect(outcome(() => parseShard(text).index)).toEqual({ refused: `--shard must be i/n with 1 <= i <= n (as jest's --shard), got "${text}"`, usage: true });
    }
    expect(parseShard(' 3 / 3 ')).toEqual({ index: 3, total: 3 });
  });
});
