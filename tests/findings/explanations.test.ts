import { verifySignature } from '../../src/signing';
import { SECRET, defectiveReceiver } from '../checks/support/receivers';
import { certify } from '../checks/support/runCheck';
import { emptyStatus, firstDigestOnly, receiverVerifyingWith, sound } from '../checks/signature/defects';
import { closeAfterAll, serveReadingBody } from '../support/servers';
import { defaultEngine } from '../support/engine';

// Explanations that point at the fix (issue 17, item 7), each against a real loopback receiver
// written the way partners write them.
describe('explanations that point at the fix', () => {
  const closing = closeAfterAll();

  it('a receiver redirecting everything: a set-up hint names the final URL, and the forged-request checks are blocked by DLV-3, not failed', async () => {
    const receiver = await closing(serveReadingBody((_req, _body, res) => res.writeHead(302, { location: '/v2/hooks' }).end()));
    const report = await certify(receiver.url, { checks: ['SIG-2', 'SIG-3', 'SIG-7', 'DLV-3'], runs: 4, types: ['ping'] });
    const status = Object.fromEntries(report.checks.map((c) => [c.requirement, c.status]));
    expect(status).toEqual({ 'SIG-2': 'blocked', 'SIG-3': 'blocked', 'SIG-7': 'blocked', 'DLV-3': 'fail' });
    for (const id of ['SIG-2', 'SIG-3', 'SIG-7']) expect(report.checks.find((c) => c.requirement === id)?.blockedBy).toEqual(['DLV-3']);
    expect(report.hints?.map((h) => h.code)).toEqual(['redirect']);
    expect(report.hints?.[0]?.message).toContain(`the URL redirects to ${receiver.origin}/v2/hooks; register the final URL`);
    // The first thing to fix is the redirect (DLV-3), and no finding expects a 401.
    expect(report.findings?.[0]?.explains).toEqual(['DLV-3']);
    expect(report.findings?.[0]?.blocks).toEqual(expect.arrayContaining(['SIG-2', 'SIG-3', 'SIG-7']));
    expect(report.findings?.some((f) => f.expected === '401')).toBe(false);
  }, 60_000);

  it('a receiver that redirects only forged requests still fails them: its correctly signed control is accepted', async () => {
    const receiver = await closing(
      defectiveReceiver((req, body, res) => {
        const header = req.headers['x-signature'];
        if (typeof header === 'string' && verifySignature(body, header, [SECRET]).valid) return false;
        res.writeHead(302, { location: '/login' }).end();
        return true;
      }),
    );
    const report = await certify(receiver.url, { checks: ['SIG-3'], runs: 4 });
    expect(report.checks[0]).toMatchObject({ status: 'fail', requirement: 'SIG-3' });
    expect(report.checks[0]?.failures[0]).toMatchObject({ expected: '401', actual: expect.stringMatching(/^302/) });
    expect(report.hints ?? []).toEqual([]);
  }, 60_000);

  it('a 500 whose body echoes the event type gives one finding over every type, not one per type', async () => {
    const receiver = await closing(
      serveReadingBody((req, body, res) => {
        const header = req.headers['x-signature'];
        if (typeof header !== 'string' || !verifySignature(body, header, [SECRET]).valid) {
          emptyStatus(401)(res);
          return;
        }
        const { type } = JSON.parse(body.toString('utf8')) as { type: string };
        res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: `no handler registered for event type ${type}` }));
      }),
    );
    const types = defaultEngine()
      .catalogue.types.filter((t) => !t.deprecated)
      .slice(0, 4)
      .map((t) => t.type);
    const report = await certify(receiver.url, { checks: ['EVT-1'], runs: 8, types });
    expect(report.findings).toHaveLength(1);
    const [finding] = report.findings ?? [];
    expect(finding?.eventTypes).toEqual([...types].sort());
    expect(finding?.explains).toEqual(['EVT-1']);
    // Grouped across types, the title counts them; it does not name the first one met.
    expect(finding?.title).toMatch(/^Valid events of \d+ types are refused: 500 /);
  }, 60_000);

  it('a 410 to a forged request is that check failing (expected 401), not GONE, and the run goes on', async () => {
    const receiver = await closing(receiverVerifyingWith(sound, emptyStatus(410)));
    const report = await certify(receiver.url, { checks: ['SIG-3', 'SIG-2', 'EVT-2'], runs: 4, concurrency: 1 });
    expect(report.gone).toBeUndefined();
    const status = Object.fromEntries(report.checks.map((c) => [c.requirement, c.status]));
    expect(status).toEqual({ 'SIG-2': 'fail', 'SIG-3': 'fail', 'EVT-2': 'pass' });
    expect(report.checks.find((c) => c.requirement === 'SIG-3')?.failures[0]).toMatchObject({ expected: '401', actual: expect.stringMatching(/^410/) });
    expect(report.findings?.[0]?.title).toMatch(/^Forged deliveries \(.*\) are answered: 410/);
  }, 60_000);

  it("a receiver reading only the first digest: SIG-9's rotation-form cases are blocked by SIG-6, its real bug, not warned about", async () => {
    const receiver = await closing(receiverVerifyingWith(firstDigestOnly));
    const report = await certify(receiver.url, { checks: ['SIG-6', 'SIG-9'], runs: 20 });
    const sig6 = report.checks.find((c) => c.requirement === 'SIG-6');
    const sig9 = report.checks.find((c) => c.requirement === 'SIG-9');
    expect(sig6?.status).toBe('fail');
    expect(sig9?.status).not.toBe('warn');
    expect(sig9?.failures).toEqual([]);
    expect(sig9?.note).toMatch(/blocked by SIG-6: the same \d digests in gridX's canonical form .* was refused as unauthenticated/);
    expect(report.findings?.map((f) => f.explains)).toEqual([['SIG-6']]);
  }, 60_000);
});
