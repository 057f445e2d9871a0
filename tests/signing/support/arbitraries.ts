import fc from 'fast-check';

const ALPHANUMERIC = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'.split('');

/**
 * Receiver secrets long and random enough that finding one inside a case's prose would mean the
 * prose was built from it, not a coincidence of short strings.
 */
export const realisticSecrets = fc.uniqueArray(fc.string({ unit: fc.constantFrom(...ALPHANUMERIC), minLength: 16, maxLength: 40 }), {
  minLength: 1,
  maxLength: 5,
});

/** Any secrets at all, including empty, one-character and non-ASCII ones. */
export const anySecrets = fc.array(fc.string({ unit: 'binary' }), { minLength: 1, maxLength: 5 });

/** Bodies as a receiver may see them: arbitrary bytes, and JSON texts (events are JSON). */
export const anyBody: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.uint8Array({ maxLength: 300 }),
  fc.json().map((text) => new Uint8Array(Buffer.from(text, 'utf8'))),
);

/** A realistic event, with string values to change, escapes to skip, and non-ASCII text. */
export const EVENT_BODY = Buffer.from(
  JSON.stringify({
    id: '4b9f1c2e-8d3a-4f6b-9e21-7c5d0a1b2c3d',
    accountID: 'acc-123',
    source: 'gridx',
    specVersion: '1.0',
    time: '2026-11-25T18:47:00.123+01:00',
    type: 'ping',
    data: { note: 'line\nbreak "quoted" caf\u00e9 \ud83d\ude00' },
  }),
  'utf8',
);
