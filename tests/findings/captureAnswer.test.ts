import fc from 'fast-check';
import type { DeliveryResult } from '../../src/delivery';
import { ANSWER_BODY_BYTES, answerKey, captureAnswer, describeAnswer } from '../../src/findings';
import { answerReason } from '../../src/findings/answerReason';

function answered(status: number, body: Buffer | string, headers: Record<string, string> = {}, bodyTruncated = false): DeliveryResult {
  return { outcome: status >= 200 && status < 300 ? 'success' : 'permanent', status, headers, body: Buffer.from(body), bodyTruncated, durationMs: 12.4 };
}

describe('captureAnswer', () => {
  it('keeps status, content type, the explaining headers and the body, and nothing else', () => {
    const answer = captureAnswer(
      answered(301, 'moved', { 'content-type': 'text/plain', location: 'https://example.test/hooks/', 'retry-after': '5', 'www-authenticate': 'HMAC', 'set-cookie': 'session=1' }),
      [],
    );
    expect(answer).toEqual({
      status: 301,
      outcome: 'permanent',
      contentType: 'text/plain',
      headers: { location: 'https://example.test/hooks/', 'retry-after': '5', 'www-authenticate': 'HMAC' },
      body: 'moved',
      bodyBytes: 5,
      bodyTruncated: false,
      durationMs: 12,
    });
  });

  it('keeps a transport error instead of a status', () => {
    const result: DeliveryResult = {
      outcome: 'error',
      headers: {},
      body: Buffer.alloc(0),
      bodyTruncated: false,
      durationMs: 3,
      error: { code: 'CONNECTION_RESET', message: 'other side closed' },
    };
    expect(captureAnswer(result, [])).toMatchObject({ outcome: 'error', error: { code: 'CONNECTION_RESET', message: 'other side closed' }, body: '', bodyBytes: 0 });
    expect(describeAnswer(captureAnswer(result, []))).toBe('no answer: CONNECTION_RESET other side closed');
  });

  it('escapes every control character: an ANSI escape or a line break cannot reach a terminal or a log', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        const answer = captureAnswer(answered(400, Buffer.from(bytes), { 'content-type': 'x\u001b[31m' }), []);
        // eslint-disable-next-line no-control-regex -- asserting that no control character is left is the point
        for (const text of [answer.body, answer.contentType ?? '']) expect(text).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
      }),
    );
  });

  it(`keeps at most the first ${ANSWER_BODY_BYTES} bytes, and says when it cut`, () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', ' ', '{', '"'), maxLength: 2000 }), (text) => {
        const answer = captureAnswer(answered(400, text), []);
        expect(answer.bodyBytes).toBe(text.length);
        expect(answer.body).toBe(text.slice(0, ANSWER_BODY_BYTES));
        expect(answer.bodyTruncated).toBe(text.length > ANSWER_BODY_BYTES);
      }),
    );
  });

  it('redacts a secret wherever it stands, even across the cut: not one character of it is shown', () => {
    const secretChars = fc.constantFrom(...'QWERTYUIOPASDFGHJKLZXCVBNM0123456789'.split(''));
    fc.assert(
      fc.property(
        fc.string({ unit: secretChars, minLength: 12, maxLength: 80 }).filter((s) => new Set(s).size >= 4),
        fc.string({ unit: fc.constantFrom('a', 'b', ' ', '.'), maxLength: 700 }),
        fc.string({ unit: fc.constantFrom('a', 'b', ' ', '.'), maxLength: 300 }),
        fc.integer({ min: 1, max: 40 }),
        (secret, before, after, copies) => {
          const body = before + Array.from({ length: copies }, () => secret).join(after.slice(0, 3)) + after;
          const answer = captureAnswer(answered(400, body, { location: `https://x.test/?s=${secret}` }), [secret]);
          // The filler has none of the secret's characters: any upper-case letter or digit left is a leak.
          for (const text of [answer.body, answer.headers.location ?? '']) expect(text.replace(/\[redacted\]/g, '')).not.toMatch(/[A-Z0-9]/);
        },
      ),
    );
  });

  it('cuts a multi-byte character whole, never in half', () => {
    const answer = captureAnswer(answered(400, 'é'.repeat(600)), []);
    expect(answer.body).toBe('é'.repeat(ANSWER_BODY_BYTES / 2));
    expect(answer.body).not.toContain('\ufffd');
  });
});

describe("answerReason: the receiver's own words", () => {
  it.each([
    ['{"error":"json: unknown field \\"accountID\\""}', 'json: unknown field "accountID"'],
    ['{"status":400,"message":"type is required","details":[]}', 'type is required'],
    ['{"error":{"code":"E1","message":"bad envelope"}}', 'bad envelope'],
    ['<html><head><title>404 Not Found</title></head><body>nginx</body></html>', '404 Not Found'],
    ['invalid signature\\n', 'invalid signature'],
    ['', ''],
  ])('%s → %s', (body, reason) => {
    expect(answerReason({ body })).toBe(reason);
  });
});

describe('answerKey: what the receiver did, with the volatile parts normalised away', () => {
  const uuid = fc.uuid();
  const time = fc.date({ min: new Date(0), max: new Date(4e12), noInvalidDate: true }).map((d) => d.toISOString());

  it('answers that differ only in ids, timestamps and numbers have one key', () => {
    fc.assert(
      fc.property(fc.tuple(uuid, time, fc.nat()), fc.tuple(uuid, time, fc.nat()), ([u1, t1, n1], [u2, t2, n2]) => {
        const body = (u: string, t: string, n: number): string => `{"error":"event ${u} at ${t} rejected","request":${n}}`;
        expect(answerKey(captureAnswer(answered(400, body(u1, t1, n1)), []))).toBe(answerKey(captureAnswer(answered(400, body(u2, t2, n2)), [])));
      }),
    );
  });

  it('a different status, message or redirect target is a different key', () => {
    const key = (status: number, body: string, location?: string): string => answerKey(captureAnswer(answered(status, body, location === undefined ? {} : { location }), []));
    expect(key(400, 'bad')).not.toBe(key(422, 'bad'));
    expect(key(400, '{"error":"unknown field"}')).not.toBe(key(400, '{"error":"missing field"}'));
    expect(key(301, '', 'https://a.test/')).not.toBe(key(301, '', 'https://b.test/'));
  });
});
