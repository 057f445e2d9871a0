import { createServer as createHttpServer, type ServerResponse } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { BrokerError, type BrokerFailureCause } from '../../../src/errors';
import { brokerClient } from '../../../src/pact/broker/brokerHttp';
import type { BrokerConnection } from '../../../src/pact/broker/brokerConnection';
import { closedPort, closeAfterEach, listen } from '../../support/servers';
import { leakedForms } from '../../reports/support/secret';

/*
 * The bounded broker client against stand-in brokers on loopback that misbehave the ways real ones
 * do: each failure must be a BrokerError naming its real cause, within the overall deadline,
 * with no form of the token anywhere in the message.
 */

const TOKEN = 'brokerTok-77f0c1d2e3';
const connection = (url: string): BrokerConnection => ({ url, auth: { kind: 'token', token: TOKEN } });

async function failure(url: string, timeoutMs = 20_000): Promise<BrokerError> {
  const client = brokerClient(connection(url), timeoutMs);
  try {
    await client.request({ method: 'GET', url: '/', purpose: 'read the broker index' });
  } catch (error) {
    if (error instanceof BrokerError) return error;
    throw error;
  }
  throw new Error('the request did not fail');
}

function answering(status: number, contentType: string, body: string): ReturnType<typeof listen> {
  return listen(createHttpServer((_req, res: ServerResponse) => res.writeHead(status, { 'content-type': contentType }).end(body)));
}

describe('brokerClient: the real cause of every broker failure', () => {
  const closing = closeAfterEach();

  const expectFailure = (error: BrokerError, cause: BrokerFailureCause, message: RegExp): void => {
    expect([error.failure, error.code]).toEqual([cause, 'BROKER_FAILED']);
    expect(error.message).toMatch(/^cannot read the broker index: /);
    expect(error.message).toMatch(message);
    expect(error.message).not.toContain('\n');
    expect(leakedForms(error.message, TOKEN)).toEqual([]);
  };

  it('says "connection refused" at once for a port nothing listens on', async () => {
    expectFailure(await failure(`http://127.0.0.1:${await closedPort()}`), 'refused', /connection refused/);
  });

  it('says the deadline passed for a broker that accepts the connection and never answers', async () => {
    const silent = await closing(listen(createNetServer(() => undefined)));
    expectFailure(await failure(silent.origin, 1_500), 'timeout', /no answer within the broker deadline of 1\.5 s/);
  });

  it.each([
    [401, '{"error":"Unauthorized: bad token brokerTok-77f0c1d2e3"}', /answered 401: Unauthorized: bad token \[redacted\]/],
    [403, '{"errors":{"pacticipant":["not permitted to publish for this team"]}}', /answered 403: pacticipant: not permitted to publish/],
    [500, '{"message":"An error has occurred. Reference ID 42","reference":"42"}', /answered 500: An error has occurred\. Reference ID 42/],
  ])("names the status %i and the broker's own message", async (status, body, message) => {
    const broker = await closing(answering(status, 'application/hal+json', body));
    const error = await failure(broker.origin);
    expectFailure(error, 'status', message);
    expect(error.status).toBe(status);
  });

  it('says an HTML page is not the broker (a login page or a proxy)', async () => {
    const broker = await closing(answering(200, 'text/html', '<html><body><h1>Sign in</h1></body></html>'));
    expectFailure(await failure(broker.origin), 'not-json', /answered 200 with an HTML page: "Sign in"/);
  });

  it('says truncated JSON is not JSON', async () => {
    const broker = await closing(answering(200, 'application/hal+json', '{"_links":{"pb:publish-contracts":{"hr'));
    expectFailure(await failure(broker.origin), 'not-json', /not JSON \(application\/hal\+json\)/);
  });

  it('says the connection closed when the broker stops mid-answer', async () => {
    const broker = await closing(
      listen(
        createHttpServer((_req, res) => {
          res.writeHead(200, { 'content-type': 'application/json', 'content-length': '500' });
          res.write('{"_links":');
          setTimeout(() => res.socket?.destroy(), 50);
        }),
      ),
    );
    expectFailure(await failure(broker.origin), 'closed', /closed the connection before its answer was complete/);
  });

  it('says raw garbage is not HTTP', async () => {
    const garbage = await closing(listen(createNetServer((socket) => socket.end('\u0000\u00ffGARBAGE not http at all\r\n\r\n'))));
    expectFailure(await failure(garbage.origin), 'not-http', /the answer is not HTTP/);
  });

  it('says TLS failed for https:// to a server that does not speak TLS', async () => {
    const plain = await closing(answering(200, 'application/json', '{}'));
    expectFailure(await failure(plain.origin.replace('http:', 'https:')), 'tls', /TLS failed/);
  });

  it('says a host name does not resolve', async () => {
    expectFailure(await failure('http://pact-broker.invalid'), 'dns', /host name does not resolve/);
  });

  it('sends the token as a Bearer header only, and resolves a 404 as no resource when asked to', async () => {
    const seen: string[] = [];
    const broker = await closing(
      listen(
        createHttpServer((req, res) => {
          seen.push(`${req.method ?? ''} ${req.url ?? ''} ${req.headers.authorization ?? ''}`);
          res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"no such pact"}');
        }),
      ),
    );
    const client = brokerClient(connection(`${broker.origin}/base`), 20_000);
    expect(await client.request({ method: 'GET', url: 'pacts/x', purpose: 'look', notFoundIsAnswer: true })).toBeUndefined();
    await expect(client.request({ method: 'GET', url: 'pacts/x', purpose: 'look' })).rejects.toThrow(/answered 404: no such pact/);
    expect(seen).toEqual([`GET /base/pacts/x Bearer ${TOKEN}`, `GET /base/pacts/x Bearer ${TOKEN}`]);
  });
});
