import type { CertificationReport } from '../../src/evidence/certificationReport';
import { FULL_RUNS } from '../../src/evidence/scope';
import { SECRET } from '../checks/support/receivers';
import { certify } from '../checks/support/runCheck';
import { closeAfterAll } from '../support/servers';
import { expressReceiver, fastifyReceiver } from './support/frameworkReceivers';

// The receivers partners really write, on real Express and Fastify with their default settings:
// a sound one must pass a certification of every check (a false FAIL is the worst defect a
// certifier can have), and each of the two mistakes these frameworks invite must fail.

const closing = closeAfterAll();

function statuses(report: CertificationReport): Record<string, string> {
  return Object.fromEntries(report.checks.map((c) => [c.requirement + ' ' + c.id, c.status]));
}

function failed(report: CertificationReport): string[] {
  return [...new Set(report.checks.filter((c) => c.status === 'fail').map((c) => c.requirement))].sort();
}

describe('receivers written on framework defaults', () => {
  it('a sound Express 5 receiver (express.raw, timing-safe compare) passes a full certification', async () => {
    const receiver = await closing(expressReceiver(SECRET));
    const report = await certify(receiver.url, { runs: FULL_RUNS });
    expect({ verdict: report.verdict, scope: report.scope?.level, failed: failed(report) }).toEqual({ verdict: 'pass', scope: 'full', failed: [] });
    expect(Object.values(statuses(report)).filter((s) => s === 'blocked')).toEqual([]);
  });

  it('a sound Fastify 5 receiver (a raw-body parser, timing-safe compare) passes every check', async () => {
    const receiver = await closing(fastifyReceiver(SECRET));
    const report = await certify(receiver.url);
    expect({ verdict: report.verdict, failed: failed(report) }).toEqual({ verdict: 'pass', failed: [] });
    expect(Object.values(statuses(report)).filter((s) => s === 'blocked')).toEqual([]);
  });

  it('the Express receiver comparing only the first half of the digest fails SIG-12, and nothing else', async () => {
    const receiver = await closing(expressReceiver(SECRET, 'first-half'));
    const report = await certify(receiver.url);
    expect(report.verdict).toBe('fail');
    expect(failed(report)).toEqual(['SIG-12']);
  });

  it('the Fastify receiver signing its parsed body again (JSON.stringify) fails SIG-8; SIG-1 still passes', async () => {
    const receiver = await closing(fastifyReceiver(SECRET, 'reserialised'));
    const report = await certify(receiver.url, { checks: ['SIG-1', 'SIG-8'] });
    expect(report.verdict).toBe('fail');
    expect(report.checks.filter((c) => c.requirement === 'SIG-8').map((c) => c.status)).toEqual(['fail']);
    expect(report.checks.filter((c) => c.requirement === 'SIG-1').map((c) => c.status)).toEqual(['pass']);
  });
});
