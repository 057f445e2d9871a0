import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { memoryIO } from '../../src/cli/memoryIO';
import { runCli } from '../../src/cli/runCli';
import { writeReports } from '../../src/reports';
import type { CertificationReport } from '../../src/evidence/certificationReport';
import { makeReport } from '../reports/support/fixtures';
import { closeAfterAll, serveReadingBody } from '../support/servers';

const SECRET = 'replay-redacted-secret-7';

describe('replay of a case whose body had a secret redacted', () => {
  const closing = closeAfterAll();
  let url: string;
  const received: Buffer[] = [];
  beforeAll(async () => {
    const receiver = await closing(
      serveReadingBody((_request, body, response) => {
        received.push(body);
        response.writeHead(401, { 'content-length': '0' }).end();
      }, '/hooks'),
    );
    url = receiver.url;
  });

  it('still replays (valid base64, parseable report) and says the bytes differ from those sent', async () => {
    const base = makeReport();
    const body = Buffer.from(JSON.stringify({ note: `a\n${SECRET}\tb` }));
    const checks = base.checks.map((check, i) =>
      i !== 1
        ? check
        : { ...check, failures: check.failures.map((f) => ({ ...f, request: { ...f.request, bodyBase64: body.toString('base64'), bodyText: body.toString('utf8') } })) },
    );
    const report: CertificationReport = { ...base, checks };
    const dir = mkdtempSync(join(tmpdir(), 'hookproof-replay-redacted-'));
    const files = await writeReports(report, dir, [SECRET]);
    const io = memoryIO();
    expect(await runCli(['replay', files.json, 'sig-wrong-secret#1', '--url', url], io)).toBe(0);
    expect(io.stderr).toEqual([]);
    expect(io.stdout.join('\n')).toContain(`the report's body had a secret redacted: ${body.length} bytes were sent originally`);
    expect(received.at(-1)?.toString('utf8')).toBe(JSON.stringify({ note: 'a\n[redacted]\tb' }));
  });
});
