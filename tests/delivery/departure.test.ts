import { DeliveryClient } from '../../src/delivery';
import { closeAfterEach, closedPort, serveReadingBody } from '../support/servers';

// When a delivery really left is what a shared rate limit counts (fleet runs) and what excuses a
// delivery that waited on hookproof's own stall: beforeSend's callback receives it.
describe('DeliveryClient: when a request leaves', () => {
  const closing = closeAfterEach();

  it('is when its head is written on a connection, after waiting for one, not when send() was called', async () => {
    const received: number[] = [];
    const server = await closing(
      serveReadingBody((_request, _body, response) => {
        received.push(performance.now());
        // The first answer is held: the second request, on the only connection, must wait for it.
        setTimeout(() => response.writeHead(204).end(), received.length === 1 ? 300 : 0);
      }),
    );
    const leftAt: Array<number | undefined> = [];
    const client = await closing(
      new DeliveryClient({
        connections: 1,
        beforeSend: () => Promise.resolve((at: number | undefined) => void leftAt.push(at)),
      }),
    );
    const calledAt = performance.now();
    const body = Buffer.from('{}');
    const results = await Promise.all([client.send({ url: server.url, body, headers: {} }), client.send({ url: server.url, body, headers: {} })]);
    expect(results.map((r) => r.outcome)).toEqual(['success', 'success']);
    const [first, second] = [...leftAt].sort((a, b) => (a ?? 0) - (b ?? 0));
    expect(first).toBeGreaterThanOrEqual(calledAt);
    expect(first).toBeLessThanOrEqual(received[0] as number);
    // The second left once the first answer freed the connection: 300 ms after the first arrived.
    expect(second).toBeGreaterThanOrEqual((received[0] as number) + 290);
    expect(second).toBeLessThanOrEqual(received[1] as number);
  });

  it('is unknown when the request never left (nothing listens)', async () => {
    const leftAt: Array<number | undefined> = [];
    const client = await closing(new DeliveryClient({ beforeSend: () => Promise.resolve((at: number | undefined) => void leftAt.push(at)) }));
    const result = await client.send({ url: `http://127.0.0.1:${await closedPort()}/`, body: Buffer.from('{}'), headers: {} });
    expect(result.outcome).toBe('error');
    expect(leftAt).toEqual([undefined]);
  });
});
