import { X509Certificate } from 'node:crypto';
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:https';
import { DeliveryClient, type DeliveryRequest } from '../../src/delivery';
import { closeAfterAll, listen } from '../support/servers';
import { describeTls, generateTlsFixtures, type TlsFixtures } from '../support/tlsFixtures';

const post = (origin: string): DeliveryRequest => ({ url: `${origin}/hook`, body: Buffer.from('{}'), headers: {} });

describe('DeliveryClient records the first connection (report provenance)', () => {
  const closing = closeAfterAll();
  const clients: DeliveryClient[] = [];
  const client = (options: ConstructorParameters<typeof DeliveryClient>[0] = {}): DeliveryClient => {
    const created = new DeliveryClient({ timeoutMs: 3000, ...options });
    clients.push(created);
    return created;
  };
  afterAll(() => Promise.all(clients.map((c) => c.close())));

  it('over http: the resolved address and port, no certificate; nothing before the first delivery', async () => {
    const server = await closing(listen(createHttpServer((req, res) => req.resume().on('end', () => res.writeHead(204).end()))));
    const http = client();
    expect(http.connection()).toBeUndefined();
    await http.send(post(server.origin.replace('127.0.0.1', 'localhost')));
    const facts = http.connection();
    expect(facts?.port).toBe(server.port);
    expect(['127.0.0.1', '::1', '::ffff:127.0.0.1']).toContain(facts?.address);
    expect(facts?.tls).toBeUndefined();
  });

  it('awaits beforeSend before every delivery (the fleet rate limit)', async () => {
    const server = await closing(listen(createHttpServer((req, res) => req.resume().on('end', () => res.writeHead(204).end()))));
    let calls = 0;
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let called: () => void = () => undefined;
    const beforeSendCalled = new Promise<void>((resolve) => (called = resolve));
    const gated = client({
      beforeSend: () => {
        calls += 1;
        called();
        return gate;
      },
    });
    let settled = false;
    const delivery = gated.send(post(server.origin)).then((result) => {
      settled = true;
      return result;
    });
    // Wait for the signal, not for a sleep: the delivery must be held at the gate however late it got there.
    await beforeSendCalled;
    expect(calls).toBe(1);
    expect(settled).toBe(false);
    release();
    expect((await delivery).status).toBe(204);
  });

  describeTls('over https', () => {
    let fixtures: TlsFixtures;
    beforeAll(() => {
      fixtures = generateTlsFixtures();
    });

    it("records the certificate's SHA-256 fingerprint and expiry", async () => {
      const server = await closing(
        listen(
          createServer(fixtures.leaf, (req, res) => req.resume().on('end', () => res.writeHead(204).end())),
          'https',
        ),
      );
      const tls = client({ ca: fixtures.caCert });
      expect((await tls.send(post(server.origin))).status).toBe(204);
      const certificate = new X509Certificate(fixtures.leaf.cert);
      expect(tls.connection()).toMatchObject({
        address: '127.0.0.1',
        port: server.port,
        tls: { certificateSha256: certificate.fingerprint256, validTo: new Date(certificate.validTo).toISOString() },
      });
    });

    it('records nothing when the certificate is refused (no connection was made)', async () => {
      const server = await closing(
        listen(
          createServer(fixtures.selfSigned, (req, res) => res.writeHead(204).end()),
          'https',
        ),
      );
      const refused = client();
      expect((await refused.send(post(server.origin))).error?.code).toBe('TLS_UNTRUSTED');
      expect(refused.connection()).toBeUndefined();
    });
  });
});
