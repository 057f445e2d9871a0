import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { readReportFile } from '../../src/attest/readReportFile';
import { writeReports } from '../../src/reports';
import type { CertificationReport } from '../../src/evidence/certificationReport';
import { makeReport } from './support/fixtures';
import { tmp } from '../recheck/support';

describe("redaction rewrites outside text, never hookproof's own values", () => {
  const dir = tmp('hookproof-own-values-');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(['hookproof', 'sig-wrong-secret', 'recommended', '127.0.0.1', 'Node.js'])('a secret equal to %j leaves the report readable and its own words intact', async (secret) => {
    const report: CertificationReport = {
      ...makeReport(),
      provenance: { node: 'v20.0.0', platform: 'linux-x64', command: ['certify'], connection: { address: '127.0.0.1', port: 8443 } },
      checks: makeReport().checks.map((c) => (c.id === 'sig-wrong-secret' ? { ...c, note: `the receiver said: ${secret} rejected` } : c)),
    };
    const files = await writeReports(report, join(dir, secret), [secret]);
    const written = readReportFile(files.json);
    expect(written.tool).toEqual(report.tool);
    expect(written.checks.map((c) => [c.id, c.requirement, c.severity, c.status])).toEqual(report.checks.map((c) => [c.id, c.requirement, c.severity, c.status]));
    expect(written.checks.flatMap((c) => c.failures.map((f) => f.case))).toEqual(report.checks.flatMap((c) => c.failures.map((f) => f.case)));
    expect(written.provenance?.connection).toEqual({ address: '127.0.0.1', port: 8443 });
    expect(written.options).toEqual(report.options);
    expect(written.requirements).toEqual(report.requirements);
    // What came from outside is still redacted.
    expect(written.checks.find((c) => c.id === 'sig-wrong-secret')?.note).toBe('the receiver said: [redacted] rejected');
    expect(readFileSync(files.json, 'utf8')).toContain('"name": "hookproof"');
  });
});
