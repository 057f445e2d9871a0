import '../pact/http/support/esmShim';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { memoryIO } from '../../src/cli/memoryIO';
import { runCli } from '../../src/cli/runCli';
import { defectiveReceiver } from '../checks/support/receivers';
import { testPact, writeTempPact } from '../pact/http/support/pacts';
import { closeAfterEach } from '../support/servers';

// Receivers behind a staging gateway that wants its own key header and answers 403 without it.
const SECRET = 'fleet-header-secret-4711';
const KEYS = { a: 'gw-key-a-1f2e3d4c', b: 'gw-key-b-9a8b7c6d' };

async function cli(args: readonly string[], env: Record<string, string> = {}): Promise<{ code: number; out: string; err: string }> {
  const io = { ...memoryIO(), env: { HOOKPROOF_SECRET: SECRET, MY_SECRET: SECRET, ...env } };
  const code = await runCli(args, io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? filesUnder(join(dir, name)) : [readFileSync(join(dir, name), 'utf8')]));

describe('-H on fleet (global) and headers: per target', () => {
  const closing = closeAfterEach();
  const gateway = (key: string): ReturnType<typeof defectiveReceiver> =>
    defectiveReceiver(
      (req, _body, res) => {
        if (req.headers['x-gateway-key'] === key && req.headers['x-tenant'] === 'acme') return false;
        res.writeHead(403).end();
        return true;
      },
      [SECRET],
    );

  it("sends the global -H to every target and a target's own headers (from ${ENV}) over it; no key reaches a report or the console", async () => {
    const [a, b] = [await closing(gateway(KEYS.a)), await closing(gateway(KEYS.b))];
    const dir = mkdtempSync(join(tmpdir(), 'hookproof-fleet-header-'));
    const targets = join(dir, 'targets.yaml');
    writeFileSync(
      targets,
      stringify({
        targets: [
          { name: 'a', url: a.url, secretEnv: 'MY_SECRET', headers: ['X-Gateway-Key: ${A_GATEWAY_KEY}'] },
          { name: 'b', url: b.url, secretEnv: 'MY_SECRET' },
        ],
      }),
    );
    const args = ['fleet', targets, '--allow-http', '--no-isolate', '--checks', 'SIG-1', '--runs', '2', '--seed', '5', '-H', 'X-Tenant: acme'];
    const run = await cli([...args, '--report-dir', join(dir, 'out'), '-H', `X-Gateway-Key: ${KEYS.b}`], { A_GATEWAY_KEY: KEYS.a });
    expect({ code: run.code, out: run.out, err: run.err }).toEqual({ code: 0, out: expect.stringContaining('fleet: 2 pass, 0 fail'), err: '' });
    const written = filesUnder(join(dir, 'out')).join('\n');
    expect(written).toContain('x-gateway-key: <redacted>');
    expect(written).toContain('x-tenant: acme');
    for (const key of Object.values(KEYS)) expect(`${written}${run.out}${run.err}`).not.toContain(key);

    // Without the global key, b fails at its gateway; a still passes with its own.
    const without = await cli([...args, '--report-dir', join(dir, 'out2')], { A_GATEWAY_KEY: KEYS.a });
    expect(without.code).toBe(1);
    expect(without.out).toMatch(/^PASS {2}a\b/m);
    expect(without.out).toMatch(/^(FAIL |INCOMPLETE) b\b/m);
  });

  it('refuses, in one line and without echoing it, a credential written in clear in the targets file, and names an unset variable', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hookproof-fleet-header-'));
    const targets = join(dir, 'targets.yaml');
    writeFileSync(targets, stringify({ targets: [{ name: 'a', url: 'http://127.0.0.1:9/', secretEnv: 'MY_SECRET', headers: [`Authorization: Bearer ${KEYS.a}`] }] }));
    const clear = await cli(['fleet', targets, '--allow-http', '--report-dir', join(dir, 'out')]);
    expect(clear.code).toBe(2);
    expect(clear.err.split('\n')).toEqual([
      expect.stringMatching(/^hookproof: target "a" header authorization holds a credential written in the file: put it in an environment variable/),
    ]);
    expect(clear.err).not.toContain(KEYS.a);
    writeFileSync(targets, stringify({ targets: [{ name: 'a', url: 'http://127.0.0.1:9/', secretEnv: 'MY_SECRET', headers: ['X-Api-Key: ${NOT_SET_KEY}'] }] }));
    const unset = await cli(['fleet', targets, '--allow-http', '--report-dir', join(dir, 'out')]);
    expect([unset.code, unset.err]).toEqual([2, 'hookproof: target "a" header x-api-key reads ${NOT_SET_KEY}, which is not set']);
  });
});

describe('-H on pact verify', () => {
  const closing = closeAfterEach();
  it('reaches a receiver behind a gateway with -H; without it every interaction fails at the gateway', async () => {
    const pactFile = writeTempPact(testPact({ types: ['ping'] }));
    const receiver = await closing(
      defectiveReceiver(
        (req, _body, res) => {
          if (req.headers['x-gateway-key'] === KEYS.a) return false;
          res.writeHead(403).end();
          return true;
        },
        [SECRET],
      ),
    );
    const args = ['pact', 'verify', '--url', receiver.url, '--secret-env', 'MY_SECRET', '--pact', pactFile];
    const withKey = await cli([...args, '-H', `X-Gateway-Key: ${KEYS.a}`]);
    expect(withKey.code).toBe(0);
    expect(`${withKey.out}${withKey.err}`).not.toContain(KEYS.a);
    const without = await cli(args);
    expect(without.code).toBe(1);
    expect(without.out).toMatch(/but was 403/);
  });
});
