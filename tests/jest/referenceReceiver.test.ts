import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHECKS } from '../../src/checks';
import { startReferenceReceiver, type ReferenceReceiver } from '../../src';
import { describeReceiverConformance } from '../../src/jest';

// The adapter inside jest, against the reference receiver on 127.0.0.1. The receiver starts in
// beforeAll, after the tests are declared: `url` is a function, read when the first check runs.
const SECRET = 'jest-adapter-secret-5d2e8a';
const reportDir = mkdtempSync(join(tmpdir(), 'hookproof-jest-'));
const logged: string[] = [];
let receiver: ReferenceReceiver | undefined;

beforeAll(async () => {
  receiver = await startReferenceReceiver({ secrets: [SECRET] });
});

const suite = describeReceiverConformance({
  url: () => receiver?.url ?? 'http://receiver-not-started/',
  secret: SECRET,
  allowHttp: true,
  runs: 10,
  seed: 424242,
  retryBaseDelayMs: 10,
  reportDir,
  title: 'reference receiver',
  log: (message) => logged.push(message),
});

afterAll(async () => {
  await receiver?.close();
  // The adapter's own afterAll (inside its describe block) has run and written the reports.
  const results = suite.results();
  expect(results.map((r) => r.id)).toEqual(CHECKS.map((c) => c.id));
  expect(results.filter((r) => r.status === 'fail')).toEqual([]);
  // TLS-1 on an allowed http:// target is a warning: its test passed and the warning was logged.
  expect(results.find((r) => r.requirement === 'TLS-1')?.status).toBe('warn');
  expect(logged.some((line) => line.startsWith('TLS-1 tls-trusted-certificate WARN (required, 0 cases, seed 424242)'))).toBe(true);
  expect(logged.join('\n')).not.toContain(SECRET);
  const report = JSON.parse(readFileSync(join(reportDir, 'report.json'), 'utf8')) as { verdict: string; seed: number; checks: Array<{ id: string }> };
  expect(report.verdict).toBe('pass');
  expect(report.seed).toBe(424242);
  expect(report.checks.map((c) => c.id)).toEqual(CHECKS.map((c) => c.id));
  expect(readFileSync(join(reportDir, 'junit.xml'), 'utf8')).toContain('<testsuite');
});
