import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withDigest } from '../../src/attest/reportDigest';
import { RecheckRefusedError } from '../../src/errors';
import { privateAddressOf } from '../../src/recheck/privateAddress';
import { planRecheck, settingsFor } from '../../src/recheck/recheckPlan';
import { renderReportJson } from '../../src/reports/json/renderReportJson';
import type { CertificationReport } from '../../src/evidence/certificationReport';
import { VERSION } from '../../src/version';
import { defaultEngine } from '../support/engine';
import { makePassingReport } from '../reports/support/fixtures';
import { cli, tmp } from './support';

const ENV = { RECEIVER_SECRET: 'recheck-scope-secret-3b9e' };

/** A partner's narrowed, lenient report of `url`, made with the bundled spec by this hookproof. */
function partnerReport(url: string): CertificationReport {
  const report = makePassingReport();
  return withDigest({
    ...report,
    tool: { name: 'hookproof', version: VERSION },
    spec: { ...report.spec, sha256: defaultEngine().spec.sha256 },
    target: { url, trust: 'Node.js default trust store' },
    options: { ...report.options, runs: 1, timeoutMs: 8000, allowHttp: true, types: ['ping'], checks: ['sig-valid-single'] },
  });
}

describe("recheck is gridX's certification: full scope at gridX's settings, sent only where the command line says", () => {
  const dir = tmp('hookproof-recheck-scope-');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("runs every check at gridX's settings by default; --same-scope copies the report's scope, never its http allowance", () => {
    const report = partnerReport('https://partner.example/hooks');
    expect(settingsFor(report, 'full')).toEqual({ seed: report.seed });
    expect(settingsFor(report, 'same')).toEqual({ seed: report.seed, types: ['ping'], checks: ['sig-valid-single'], runs: 1, timeoutMs: 8000, concurrency: 4 });
    expect(settingsFor(report, 'same')).not.toHaveProperty('allowHttp');
    expect(planRecheck(report, 'r.json', defaultEngine(), 1, {})).toMatchObject({ scope: 'full', url: 'https://partner.example/hooks', settings: { seed: report.seed } });
  });

  it('sends only to the receiver the command line names: --url must be the report target, or the --targets list must hold it', () => {
    const report = partnerReport('https://partner.example/hooks');
    const plan = (target: Parameters<typeof planRecheck>[4]): unknown => planRecheck(report, 'r.json', defaultEngine(), 1, target);
    expect(() => plan({ url: 'https://internal.gridx.example/admin' })).toThrow(
      new RecheckRefusedError(
        'r.json is about https://partner.example/hooks, not the --url https://internal.gridx.example/admin: gridX rechecks the receiver it names on the command line',
      ),
    );
    expect(plan({ url: 'https://partner.example/hooks' })).toMatchObject({ url: 'https://partner.example/hooks' });
    expect(() => plan({ allowedUrls: ['https://other.example/hooks'] })).toThrow(/which is not in the --targets list/);
    expect(plan({ allowedUrls: ['https://other.example/hooks', 'https://partner.example/hooks'] })).toMatchObject({ url: 'https://partner.example/hooks' });
    // A masked password in the report: the full URL on the command line matches it, and is what is sent.
    const masked = partnerReport('https://partner:***@partner.example/hooks');
    expect(planRecheck(masked, 'r.json', defaultEngine(), 1, { url: 'https://partner:s3cr3t@partner.example/hooks' })).toMatchObject({
      url: 'https://partner:s3cr3t@partner.example/hooks',
    });
  });

  it('knows loopback, private and mapped addresses from public ones', async () => {
    for (const url of [
      'http://127.0.0.1:9/',
      'http://[::1]:9/',
      'http://10.1.2.3/',
      'http://192.168.0.1/',
      'http://169.254.169.254/latest',
      'http://[::ffff:7f00:1]/',
      'http://0.0.0.0/',
    ]) {
      expect(await privateAddressOf(url)).toBeDefined();
    }
    for (const url of ['https://8.8.8.8/', 'https://[2001:4860:4860::8888]/']) expect(await privateAddressOf(url)).toBeUndefined();
  });

  it('refuses a report pointing at a loopback or http:// address unless the command line consents, before sending anything', async () => {
    const path = join(dir, 'report.json');
    writeFileSync(path, renderReportJson(partnerReport('http://127.0.0.1:9/hooks')));
    const base = ['recheck', path, '--secret-env', 'RECEIVER_SECRET', '--report-dir', join(dir, 'out')];
    const privateRefused = await cli(base, ENV);
    expect(privateRefused).toMatchObject({ code: 2, out: '' });
    expect(privateRefused.err).toBe(
      'hookproof: http://127.0.0.1:9/hooks is a loopback or private address (127.0.0.1): pass --allow-private to recheck it (the report cannot give that consent)',
    );
    const httpRefused = await cli([...base, '--allow-private'], ENV);
    expect(httpRefused.code).toBe(2);
    expect(httpRefused.err).toMatch(/^hookproof: refusing plain http target .*--allow-http/);
    expect(httpRefused.err.split('\n')).toHaveLength(1);
  });
});
