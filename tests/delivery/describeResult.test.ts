import { describeResult, isRetryable, type DeliveryResult } from '../../src/delivery';
import type { DeliveryErrorCode } from '../../src/evidence/ReceiverAnswer';

const base: DeliveryResult = {
  outcome: 'success',
  status: 204,
  headers: {},
  body: Buffer.alloc(0),
  bodyTruncated: false,
  durationMs: 12.4,
};
const { status: _noStatus, ...unanswered } = base;
const failed = (code: DeliveryErrorCode): DeliveryResult => ({
  ...unanswered,
  outcome: code === 'TIMEOUT' ? 'timeout' : 'error',
  error: { code, message: 'boom' },
});

describe('describeResult', () => {
  it('describes answers, timeouts and errors on one line', () => {
    expect(describeResult(base)).toBe('204 success in 12 ms');
    expect(describeResult({ ...base, outcome: 'permanent', status: 400, bodyTruncated: true })).toBe('400 permanent in 12 ms (response body truncated)');
    expect(describeResult({ ...failed('TIMEOUT'), durationMs: 5000.2 })).toBe('timeout after 5000 ms');
    expect(describeResult({ ...failed('TIMEOUT'), status: 200 })).toBe('timeout after 12 ms (status 200 received, body incomplete)');
    expect(describeResult(failed('CONNECTION_RESET'))).toBe('error CONNECTION_RESET: boom');
  });
});

describe('isRetryable', () => {
  it.each<[string, DeliveryResult, boolean]>([
    ['success', base, false],
    ['transient', { ...base, outcome: 'transient', status: 503 }, true],
    ['gone', { ...base, outcome: 'gone', status: 410 }, false],
    ['permanent', { ...base, outcome: 'permanent', status: 400 }, false],
    ['timeout', failed('TIMEOUT'), true],
    ['refused', failed('CONNECTION_REFUSED'), true],
    ['reset', failed('CONNECTION_RESET'), true],
    ['dns', failed('DNS'), true],
    ['tls untrusted', failed('TLS_UNTRUSTED'), false],
    ['tls error', failed('TLS_ERROR'), false],
    ['protocol error', failed('PROTOCOL_ERROR'), false],
    ['other', failed('OTHER'), false],
  ])('%s → %s', (_name, result, retryable) => {
    expect(isRetryable(result)).toBe(retryable);
  });
});
