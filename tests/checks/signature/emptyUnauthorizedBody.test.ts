import { certify, runCheck, runCheckOnReference } from '../support/runCheck';
import { acceptsMissingHeader, emptyStatus, jsonStatus, receiverRejectingWith, receiverVerifyingWith } from './defects';
import { closeAfterEach } from '../../support/servers';

describe('sig-401-empty-body (SIG-10, recommended)', () => {
  const track = closeAfterEach();

  it('passes against the reference receiver, every forged request answered with an empty 401', async () => {
    const report = await runCheckOnReference('sig-401-empty-body');
    expect(report).toMatchObject({ status: 'pass', requirement: 'SIG-10', severity: 'recommended', cases: 20, failures: [] });
    expect(report.note).toBeUndefined();
  });

  it('warns against a receiver whose 401 carries a JSON error, and says what the body was', async () => {
    const broken = await track(receiverRejectingWith(jsonStatus(401, { error: 'invalid signature' })));
    const report = await certify(broken.url, { checks: ['sig-401-empty-body', 'sig-missing-header'] });
    expect(report).toMatchObject({ verdict: 'pass', summary: { pass: 1, warn: 1 } });
    const check = report.checks.find((c) => c.id === 'sig-401-empty-body');
    expect(check).toMatchObject({ status: 'warn', requirement: 'SIG-10' });
    expect(check?.failures).toHaveLength(1);
    expect(check?.failures[0]).toMatchObject({
      expected: 'a 401 with an empty body',
      actual: expect.stringMatching(/^401 permanent in \d+ ms, with a 29-byte body \(application\/json\): \{"error":"invalid signature"\}$/),
    });
  });

  it('is blocked by the forged requirements, saying why, against a receiver that never answers 401 (SIG-2 fails it instead)', async () => {
    const broken = await track(receiverRejectingWith(emptyStatus(403)));
    const report = await certify(broken.url, { checks: ['sig-401-empty-body', 'sig-missing-header'] });
    const [missing, empty] = report.checks;
    expect(empty).toMatchObject({
      status: 'blocked',
      cases: 20,
      failures: [],
      note: expect.stringMatching(/^blocked by (SIG-\d+, )*SIG-2(, SIG-\d+)*: none of the 20 forged requests was answered 401/),
    });
    for (const id of empty?.blockedBy ?? []) expect(['SIG-2', 'SIG-3', 'SIG-4', 'SIG-5', 'SIG-7', 'SIG-12']).toContain(id);
    expect(missing).toMatchObject({ status: 'fail', failures: [expect.objectContaining({ expected: '401', actual: expect.stringMatching(/^403 permanent/) })] });
  });

  it('judges only the 401 answers, and notes how many there were', async () => {
    const broken = await track(receiverVerifyingWith(acceptsMissingHeader));
    const report = await runCheck('sig-401-empty-body', broken.url);
    expect(report.status).toBe('pass');
    expect(report.note).toMatch(/^\d+ of 20 forged requests were answered 401; only those were judged$/);
  });
});
