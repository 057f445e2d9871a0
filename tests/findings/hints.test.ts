import { createServer } from 'node:https';
import { createReferenceHandler } from '../../src/receiver';
import { renderSummary } from '../../src/reports';
import type { CertificationReport } from '../../src/evidence/certificationReport';
import { closeAfterAll, closedPort, listen, serve } from '../support/servers';
import { generateTlsFixtures, itTls } from '../support/tlsFixtures';
import { SECRET, soundReceiver } from '../checks/support/receivers';
import { certify } from '../checks/support/runCheck';
import { answersEverything } from './receivers';

// A few checks of every kind (valid, forged, scenario) keep each run short.
const CHECKS = ['SIG-1', 'SIG-3', 'EVT-1', 'DLV-4'];

function hintCodes(report: CertificationReport): string[] {
  return (report.hints ?? []).map((h) => h.code);
}

describe('set-up hints, detected from the answers and shown first', () => {
  const closing = closeAfterAll();

  it('every answer 404: is the path right? names the path hookproof sent to', async () => {
    const receiver = await closing(answersEverything(404, '<html><title>404 Not Found</title></html>', { 'content-type': 'text/html' }));
    const report = await certify(receiver.url.replace('/hooks/gridx', '/hooks/xenon'), { checks: CHECKS, runs: 3 });
    expect(hintCodes(report)).toEqual(['wrong-path']);
    expect(report.hints?.[0]?.message).toBe('Every answer was 404: is the path right? hookproof sent to /hooks/xenon.');
    const text = renderSummary(report);
    expect(text.indexOf('! Every answer was 404')).toBeGreaterThan(0);
    expect(text.indexOf('! Every answer was 404')).toBeLessThan(text.indexOf('1. '));
    expect(report.findings?.[0]?.title).toMatch(/: 404 404 Not Found$/);
  }, 60_000);

  it('405 and 404 mixed is still a path problem; one 202 among them is not', async () => {
    let n = 0;
    const mixed = await closing(answersEverything(405));
    expect(hintCodes(await certify(mixed.url, { checks: ['SIG-1'], runs: 3 }))).toEqual(['wrong-path']);
    const once = await closing(
      serve((req, res) => {
        req.resume();
        req.on('end', () => res.writeHead((n += 1) === 1 ? 202 : 404).end());
      }),
    );
    expect(hintCodes(await certify(once.url, { checks: ['SIG-1'], runs: 3 }))).not.toContain('wrong-path');
  }, 60_000);

  it('every correctly signed valid event 401: is the secret right? rotation order?', async () => {
    const receiver = await closing(soundReceiver(['the-receivers-own-secret']));
    const report = await certify(receiver.url, { checks: CHECKS, runs: 3 });
    expect(hintCodes(report)).toEqual(['wrong-secret']);
    expect(report.hints?.[0]?.message).toMatch(/^Every correctly signed valid event \(\d+ cases\) was answered 401: is the secret right .*Rotation order\?/);
    // A sound receiver with the right secret raises no hint at all.
    const right = await closing(soundReceiver([SECRET]));
    expect((await certify(right.url, { checks: CHECKS, runs: 3 })).hints).toBeUndefined();
  }, 60_000);

  it('nothing listening: is the receiver running? the first N deliveries were refused', async () => {
    const port = await closedPort();
    const report = await certify(`http://127.0.0.1:${port}/hooks/gridx`, { checks: CHECKS, runs: 3 });
    expect(hintCodes(report)).toEqual(['unreachable']);
    expect(report.hints?.[0]?.message).toMatch(
      new RegExp(`^Nothing answered: is the receiver running and reachable at http://127\\.0\\.0\\.1:${port}\\? The first \\d+ deliveries were refused`),
    );
  }, 60_000);

  it('a receiver that never answers: the first N deliveries timed out', async () => {
    const hanging = await closing(serve(() => undefined));
    const report = await certify(hanging.url, { checks: ['DLV-1', 'SIG-1', 'EVT-1'], runs: 3, timeoutMs: 300 });
    expect(hintCodes(report)).toEqual(['unreachable']);
    expect(report.hints?.[0]?.message).toMatch(/The first \d+ deliveries timed out \(no complete answer within 300 ms\)/);
    expect(report.findings?.[0]?.title).toMatch(/are not answered in time: timeout, no complete answer within 300 ms$/);
  }, 60_000);

  itTls(
    'an untrusted certificate: use NODE_EXTRA_CA_CERTS for a private CA',
    async () => {
      const fixtures = generateTlsFixtures();
      const listening = await closing(listen(createServer(fixtures.leaf, createReferenceHandler({ secrets: [SECRET] })), 'https'));
      const report = await certify(`${listening.origin}/hooks/gridx`, { checks: ['TLS-1', 'SIG-1'], runs: 3, allowHttp: false });
      expect(hintCodes(report)).toEqual(['tls-untrusted']);
      expect(report.hints?.[0]?.message).toMatch(/^The certificate is not trusted \(\d+ deliver(y|ies): .*\): for a private CA, run with NODE_EXTRA_CA_CERTS=\/path\/to\/ca\.pem/);
    },
    60_000,
  );
});
