import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseHeaderOption } from '../../src/cli/headerOption';
import { memoryIO } from '../../src/cli/memoryIO';
import { runCli } from '../../src/cli/runCli';
import { UsageError } from '../../src/errors';
import { defectiveReceiver } from '../checks/support/receivers';
import { closeAfterEach } from '../support/servers';

// A staging gateway in front of the receiver: it wants its own key header, or answers 403.
const SECRET = 'header-option-secret-0123';
const GATEWAY_KEY = 'gw-key-5e1f9a7c0d';

async function cli(args: readonly string[]): Promise<{ code: number; out: string; err: string }> {
  const io = { ...memoryIO(), env: { HOOKPROOF_SECRET: SECRET } };
  const code = await runCli(args, io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

describe('-H/--header', () => {
  const closing = closeAfterEach();
  const gateway = (): ReturnType<typeof defectiveReceiver> =>
    defectiveReceiver(
      (req, _body, res) => {
        if (req.headers['x-gateway-key'] === GATEWAY_KEY) return false;
        res.writeHead(403).end();
        return true;
      },
      [SECRET],
    );

  it('reaches a receiver behind a gateway that needs its own header; without it, the valid delivery fails; the value is in no report', async () => {
    const receiver = await closing(gateway());
    const dir = mkdtempSync(join(tmpdir(), 'hookproof-header-'));
    const args = ['certify', '--url', receiver.url, '--allow-http', '--checks', 'SIG-1', '--runs', '2', '--seed', '3'];
    const withKey = await cli([...args, '-H', `X-Gateway-Key: ${GATEWAY_KEY}`, '--report-dir', join(dir, 'with')]);
    expect(withKey.code).toBe(0);
    const report = readFileSync(join(dir, 'with', 'report.json'), 'utf8');
    expect(report).toContain('x-gateway-key: <redacted>');
    for (const text of [report, withKey.out, withKey.err]) expect(text).not.toContain(GATEWAY_KEY);
    const without = await cli([...args, '--report-dir', join(dir, 'without')]);
    expect(without.code).toBe(1);
    expect(without.out).not.toMatch(/ PASS /);
  });

  it('is sent by send too (and its value is not printed)', async () => {
    const receiver = await closing(gateway());
    const sent = await cli(['send', '--url', receiver.url, '--allow-http', '--type', 'ping', '--header', `x-gateway-key: ${GATEWAY_KEY}`]);
    expect(sent.code).toBe(0);
    expect(sent.out).toMatch(/^answer {2}202 success/m);
    expect(sent.out).not.toContain(GATEWAY_KEY);
    const refused = await cli(['send', '--url', receiver.url, '--allow-http', '--type', 'ping']);
    expect(refused.out).toMatch(/^answer {2}403/m);
  });

  it.each(['X-Signature: sha512=00', 'content-type: text/plain', 'Content-Length: 3'])('refuses %j: hookproof sets that header itself', async (header) => {
    const run = await cli(['certify', '--url', 'http://127.0.0.1:9/', '--allow-http', '-H', header]);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/^hookproof: -H [\w-]+ is refused: hookproof sets [\w-]+ itself on every delivery/);
  });

  it('refuses a malformed header in one line, and collects repeated ones by lower-case name', () => {
    expect(() => parseHeaderOption('no colon here', undefined)).toThrow(UsageError);
    expect(() => parseHeaderOption('Bad Name: x', undefined)).toThrow("expected 'Name: value'");
    expect(parseHeaderOption('X-B:  two ', parseHeaderOption('X-A: one', undefined))).toEqual({ 'x-a': 'one', 'x-b': 'two' });
  });

  it('is repeatable on the command line (not refused as a single-use option)', async () => {
    const run = await cli(['send', '--url', 'http://127.0.0.1:9/', '--allow-http', '--type', 'ping', '--dry-run', '-H', 'X-A: one', '-H', 'X-B: two']);
    expect([run.code, run.err]).toEqual([0, '']);
  });
});
