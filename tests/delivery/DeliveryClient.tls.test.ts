import { createServer } from 'node:https';
import { DeliveryClient, type DeliveryRequest } from '../../src/delivery';
import { closeAfterAll, listen, type Listening } from '../support/servers';
import { describeTls, generateTlsFixtures, type TlsFixtures } from '../support/tlsFixtures';

// Certificates are generated per run with openssl; without it these tests are skipped locally and
// fail under CI=true (describeTls).
describeTls('DeliveryClient over https', () => {
  let fixtures: TlsFixtures;
  const closing = closeAfterAll();
  const clients: DeliveryClient[] = [];

  const httpsServer = async (pair: { key: string; cert: string }): Promise<Listening> => {
    const server = createServer(pair, (request, response) => {
      request.resume();
      response.writeHead(204).end();
    });
    return closing(listen(server, 'https'));
  };
  const client = (options: ConstructorParameters<typeof DeliveryClient>[0] = {}): DeliveryClient => {
    const created = new DeliveryClient({ timeoutMs: 2000, ...options });
    clients.push(created);
    return created;
  };
  const post = (origin: string): DeliveryRequest => ({ url: `${origin}/hook`, body: Buffer.from('{}'), headers: {} });

  beforeAll(() => {
    fixtures = generateTlsFixtures();
  });
  afterAll(() => Promise.all(clients.map((c) => c.close())));

  it('reports a self-signed certificate as TLS_UNTRUSTED (default trust, as gridX)', async () => {
    const server = await httpsServer(fixtures.selfSigned);
    const result = await client().send(post(server.origin));
    expect(result.outcome).toBe('error');
    expect(result.error?.code).toBe('TLS_UNTRUSTED');
    expect(result.error?.message).toMatch(/DEPTH_ZERO_SELF_SIGNED_CERT/);
  });

  it('reports a certificate from an unknown private CA as TLS_UNTRUSTED', async () => {
    const server = await httpsServer(fixtures.leaf);
    const result = await client().send(post(server.origin));
    expect(result.error?.code).toBe('TLS_UNTRUSTED');
  });

  it('delivers when the private CA is trusted through the ca option', async () => {
    const server = await httpsServer(fixtures.leaf);
    const result = await client({ ca: fixtures.caCert }).send(post(server.origin));
    expect(result).toMatchObject({ outcome: 'success', status: 204 });
  });

  it('reports a trusted certificate for another host name as TLS_ERROR, not TLS_UNTRUSTED', async () => {
    const server = await httpsServer(fixtures.wrongHost);
    const result = await client({ ca: fixtures.caCert }).send(post(server.origin));
    expect(result.error?.code).toBe('TLS_ERROR');
    expect(result.error?.message).toMatch(/ERR_TLS_CERT_ALTNAME_INVALID/);
  });
});
