import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { FleetIndex } from '../../src/fleet/fleetIndex';
import type { CertificationReport } from '../../src/evidence/certificationReport';
import { closeAfterAll, serve, type RunningReceiver } from '../support/servers';
import { cli, makeKey, tmp, type TestKey } from '../recheck/support';

// A receiver that answers 410 Gone to everything: nothing fails, nothing required is judged, so
// the verdict is `incomplete`. Every reader and writer must take that verdict as it takes the others.
const SECRET = 'incomplete-verdict-secret-5d1';
const RUN = ['--allow-http', '--checks', 'SIG-1,EVT-1', '--runs', '2', '--seed', '7', '--timeout-ms', '3000', '--secret-env', 'RECEIVER_SECRET'];

describe('incomplete is a first-class verdict: certify signs it, report verify, recheck and fleet read it', () => {
  const dir = tmp('hookproof-incomplete-');
  const closing = closeAfterAll();
  let gone: RunningReceiver;
  let key: TestKey;
  let env: Record<string, string>;

  beforeAll(async () => {
    gone = await closing(serve((_req, res) => res.writeHead(410, { 'content-length': '0' }).end()));
    key = makeKey(dir, 'gridx');
    env = { RECEIVER_SECRET: SECRET, GRIDX_SIGNING_KEY: key.privatePem };
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('certifies (exit 1) and signs an incomplete report, which verifies and rechecks', async () => {
    const out = join(dir, 'certify');
    const certified = await cli(['certify', '--url', gone.url, '--report-dir', out, '--sign-key-env', 'GRIDX_SIGNING_KEY', ...RUN], env);
    expect(certified.code).toBe(1);
    expect(certified.err).not.toContain('not a hookproof report');
    expect(certified.out).toContain(`attestation ${join(out, 'report.dsse.json')}`);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as CertificationReport;
    expect(report.verdict).toBe('incomplete');

    const verified = await cli(['report', 'verify', join(out, 'report.json'), '--public-key', key.publicPath], env);
    expect(verified).toMatchObject({ code: 0, err: '' });
    expect(verified.out).toContain('verdict    incomplete: consistent with the checks');
    expect(verified.out).toContain('signature  valid');

    const rechecked = await cli(
      ['recheck', join(out, 'report.json'), '--same-scope', '--allow-http', '--allow-private', '--secret-env', 'RECEIVER_SECRET', '--report-dir', join(dir, 'recheck')],
      env,
    );
    expect(rechecked.err).not.toContain('not a hookproof report');
    expect(rechecked.out).toContain(`recheck CONFIRMED: ${report.digest ?? '?'} (verdict incomplete)`);
    expect(rechecked.code).toBe(0);
  });

  it('counts incomplete targets in the fleet summary, the console and index.html', async () => {
    const targets = join(dir, 'targets.yaml');
    writeFileSync(targets, stringify({ targets: [{ name: 'gone-partner', url: gone.url, secretEnv: 'RECEIVER_SECRET', allowHttp: true }] }));
    const out = join(dir, 'fleet');
    const result = await cli(['fleet', targets, '--report-dir', out, '--sign-key-env', 'GRIDX_SIGNING_KEY', ...RUN.slice(1, 9)], env);
    expect(result.code).toBe(1);
    const index = JSON.parse(readFileSync(join(out, 'index.json'), 'utf8')) as FleetIndex;
    expect(index.summary).toEqual({ pass: 0, fail: 0, incomplete: 1, error: 0 });
    expect(index.targets[0]).toMatchObject({ verdict: 'incomplete' });
    expect(result.out).toMatch(/^INCOMPLETE gone-partner/m);
    expect(result.out).toContain('fleet: 0 pass, 0 fail, 1 incomplete, 0 could not run');
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('<b>1</b> incomplete');
  });
});
