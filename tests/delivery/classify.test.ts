import fc from 'fast-check';
import { DeliveryClient } from '../../src/delivery';
import { classifyStatus } from '../../src/contract';
import { closeAfterAll, serve, type RunningReceiver } from '../support/servers';

// The contract's table, written out independently of the implementation under test.
const SUCCESS = [200, 201, 202, 204];
const TRANSIENT = [408, 429, 500, 502, 503, 504];
function expected(status: number): string {
  if (SUCCESS.includes(status)) return 'success';
  if (TRANSIENT.includes(status)) return 'transient';
  return status === 410 ? 'gone' : 'permanent';
}

describe('classifyStatus', () => {
  const cases: Array<[string, number[]]> = [
    ['success', [200, 201, 202, 204]],
    ['transient', [408, 429, 500, 502, 503, 504]],
    ['gone', [410]],
    ['permanent', [100, 101, 199, 203, 205, 206, 299, 300, 301, 302, 304, 307, 308]],
    ['permanent', [400, 401, 403, 404, 409, 422, 501, 505, 599]],
  ];
  it.each(cases.flatMap(([classification, statuses]) => statuses.map((status) => [status, classification] as const)))('%i is %s', (status, classification) => {
    expect(classifyStatus(status)).toBe(classification);
  });
});

describe('classification of real answers', () => {
  const closing = closeAfterAll();
  let server: RunningReceiver;
  let client: DeliveryClient;

  beforeAll(async () => {
    client = await closing(new DeliveryClient({ timeoutMs: 2000 }));
    // Answers whatever status the request asks for, with a small body (none where HTTP forbids it).
    server = await closing(
      serve((request, response) => {
        request.resume();
        const status = Number(request.headers['x-answer-status']);
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(status === 204 || status === 304 ? undefined : '{"answered":true}');
      }),
    );
  });

  it('classifies every status 200..599 as gridX does', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 200, max: 599 }), async (status) => {
        const result = await client.send({
          url: `${server.origin}/hook`,
          body: Buffer.from('{}'),
          headers: { 'x-answer-status': String(status) },
        });
        expect(result.status).toBe(status);
        expect(result.outcome).toBe(expected(status));
        expect(result.error).toBeUndefined();
      }),
    );
  });
});
