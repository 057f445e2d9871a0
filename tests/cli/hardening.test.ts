import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { memoryIO } from '../../src/cli/memoryIO';
import { runCli } from '../../src/cli/runCli';
import { OPTION_RANGES } from '../../src/optionRanges';
import { listen } from '../support/servers';

const SECRET = 'hardening-secret-41f0';
const ENV = { HOOKPROOF_SECRET: SECRET };

async function cli(args: string[], env: Record<string, string | undefined> = ENV): Promise<{ code: number; out: string[]; err: string[] }> {
  const io = { ...memoryIO(), env };
  const code = await runCli(args, io);
  return { code, out: io.stdout, err: io.stderr };
}

/** The run was refused before anything ran: exit 2, exactly one line, not an internal error. */
function expectRefused(result: { code: number; out: string[]; err: string[] }, pattern: RegExp): void {
  expect({ code: result.code, lines: result.err.length, out: result.out }).toEqual({ code: 2, lines: 1, out: [] });
  expect(result.err[0]).toMatch(pattern);
  expect(result.err[0]).not.toMatch(/internal error/);
}

const dir = mkdtempSync(join(tmpdir(), 'hookproof-hardening-'));
const CERTIFY = ['certify', '--allow-http', '--report-dir', join(dir, 'reports')];

describe('every number option has a range, checked before anything runs', () => {
  const cases: Array<[string[], string, string]> = [
    [[...CERTIFY, '--url', 'http://127.0.0.1:9/hooks'], '--timeout-ms', '2147483648'],
    [[...CERTIFY, '--url', 'http://127.0.0.1:9/hooks'], '--concurrency', '1e20'],
    [[...CERTIFY, '--url', 'http://127.0.0.1:9/hooks'], '--runs', '100000000000000000000'],
    [[...CERTIFY, '--url', 'http://127.0.0.1:9/hooks'], '--seed', '9007199254740993'],
    [[...CERTIFY, '--url', 'http://127.0.0.1:9/hooks'], '--max-event-bytes', '1024'],
    [[...CERTIFY, '--url', 'http://127.0.0.1:9/hooks'], '--max-event-bytes', '65536.5'],
    [['fleet', join(dir, 'targets.json'), '--allow-http'], '--max-event-bytes', '16777217'],
    [['send', '--url', 'http://127.0.0.1:9/hooks', '--allow-http', '--type', 'ping', '--retry'], '--retry-base-ms', '99999999999'],
    [['listen'], '--port', '70000'],
    [['serve'], '--port', '65536'],
  ];
  it.each(cases)('%#: %s %s %s', async (base, option, value) => {
    const result = await cli([...base, option, value]);
    expectRefused(result, new RegExp(`^hookproof: ${option} must be a whole number from \\d+ to \\d+, got "${value}"$`));
  });

  it('refuses any value past the maximum of any option, naming the option as typed', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('--timeout-ms', '--runs', '--concurrency', '--seed'), fc.bigInt({ min: 1n, max: 10n ** 30n }), async (option, over) => {
        const value = String(BigInt(OPTION_RANGES[option as '--runs'].max) + over);
        const result = await cli([...CERTIFY, '--url', 'http://127.0.0.1:9/hooks', option, value]);
        expectRefused(result, new RegExp(`^hookproof: ${option} `));
      }),
      { numRuns: 25 },
    );
  });

  it.each([
    ['--for', '600h'],
    ['--retry-window', '600h'],
  ])('%s %s is refused instead of firing at once', async (option, value) => {
    const result = await cli(['listen', '--port', '0', option, value]);
    expectRefused(result, new RegExp(`^hookproof: ${option} must be at most 2147483647 ms`));
  });
});

describe('URLs that cannot be sent are refused up front, credentials masked', () => {
  it.each([
    ['http:///hooks', /has no host/],
    ['http://127.0.0.1:9/ho oks', /must be percent-encoded/],
    ['http://127.0.0.1:9/ho\toks', /must be percent-encoded/],
    ['http://127.0.0.1:9/hööks', /must be percent-encoded/],
    ['http://user:hunter2-pw@127.0.0.1:9/hooks', /credentials in the target URL are not supported.*http:\/\/user:\*\*\*@127\.0\.0\.1:9\/hooks/],
  ])('%s', async (url, pattern) => {
    for (const args of [
      [...CERTIFY, '--url', url],
      ['send', '--url', url, '--allow-http', '--type', 'ping'],
    ]) {
      const result = await cli(args);
      expectRefused(result, pattern);
      expect(result.err[0]).not.toContain('hunter2');
    }
  });

  it('an unreachable port is a verdict (exit 1), not a refusal', async () => {
    const result = await cli([...CERTIFY, '--url', 'http://127.0.0.1:1/hooks', '--checks', 'SIG-3', '--runs', '1']);
    expect(result.code).toBe(1);
  });
});

describe('secrets hookproof cannot keep out of its output are refused', () => {
  it.each([['short1'], ['        '], ['\t\t \t\t  \t']])('%p', async (secret) => {
    const result = await cli([...CERTIFY, '--url', 'http://127.0.0.1:9/hooks'], { HOOKPROOF_SECRET: secret });
    expectRefused(result, /secret (has \d+ characters; hookproof needs at least 8|is only whitespace)/);
    if (secret.trim() !== '') expect(result.err[0]).not.toContain(secret);
  });

  it('serve refuses more than 5 secrets, like certify and listen', async () => {
    const secrets = ['s-one-12345', 's-two-12345', 's-three-123', 's-four-1234', 's-five-1234', 's-six-12345'];
    const result = await cli(['serve', '--port', '0', ...secrets.flatMap((s) => ['--secret', s])]);
    expectRefused(result, /at most 5 secrets; got 6/);
  });
});

describe('user mistakes are one line, not an internal error', () => {
  it('a repeated single-value option is refused, not last-wins', async () => {
    expectRefused(await cli([...CERTIFY, '--url', 'http://127.0.0.1:9/a', '--url', 'http://127.0.0.1:9/b']), /^hookproof: --url was given more than once/);
    // Repeatable options still repeat.
    const env = { A_SECRET: 'first-secret-1234', B_SECRET: 'second-secret-1234' };
    const repeated = await cli([...CERTIFY, '--url', 'http:///x', '--secret-env', 'A_SECRET', '--secret-env', 'B_SECRET'], env);
    expectRefused(repeated, /has no host/);
  });

  it('--checks SIG-11 says it is not remotely testable', async () => {
    expectRefused(await cli([...CERTIFY, '--url', 'http://127.0.0.1:9/hooks', '--checks', 'SIG-11']), /SIG-11 .* is not remotely testable/);
  });

  it('a --report-dir that cannot be made is refused before the run, and /proc does not hang', async () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, '');
    expectRefused(await cli([...CERTIFY.slice(0, 2), '--report-dir', join(file, 'x'), '--url', 'http://127.0.0.1:9/hooks']), /cannot create the --report-dir/);
    expectRefused(await cli([...CERTIFY.slice(0, 2), '--report-dir', file, '--url', 'http://127.0.0.1:9/hooks']), /--report-dir .* is a file, not a directory/);
    expectRefused(await cli([...CERTIFY.slice(0, 2), '--report-dir', '/proc/hookproof/nowhere', '--url', 'http://127.0.0.1:9/hooks']), /cannot create the --report-dir/);
  });

  it('--out: a directory where a file is needed, and a file where a directory is needed', async () => {
    expectRefused(await cli(['vectors', '--out', dir]), /--out names a directory/);
    const file = join(dir, 'not-a-dir');
    writeFileSync(file, '');
    expectRefused(await cli(['pact', 'generate', '--provider', 'p', '--out', file]), /--out .* is a file, not a directory/);
  });

  it('a port in use is a usage error', async () => {
    const occupied = await listen(createServer());
    try {
      expectRefused(await cli(['serve', '--port', String(occupied.port)]), /cannot listen on 127\.0\.0\.1:\d+: the port is in use/);
    } finally {
      await occupied.close();
    }
  });

  it('a malformed report given to replay', async () => {
    const shapes = [{ checks: [{}] }, { checks: [{ failures: [null, { case: 'x#1' }] }] }, { checks: [{ failures: [{ case: 'x#1', request: { bodyBase64: 7 } }] }] }, [1, 2]];
    for (const shape of shapes) {
      const path = join(dir, 'bad-report.json');
      writeFileSync(path, JSON.stringify(shape));
      expectRefused(await cli(['replay', path, 'x#1', '--url', 'http://127.0.0.1:9/hooks']), /report\.json|malformed|no case/);
    }
  });

  it('an invalid .json spec is not called YAML; a YAML alias bomb is a spec error', async () => {
    const json = join(dir, 'spec.json');
    writeFileSync(json, '{"openapi": "3.0.3", oops');
    expectRefused(await cli(['types', '--spec', json]), /not valid JSON/);
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 25; i += 1) lines.push(`a${i}: &a${i} [${Array.from({ length: 10 }, () => `*a${i - 1}`).join(', ')}]`);
    const bomb = join(dir, 'bomb.yaml');
    writeFileSync(bomb, `${lines.join('\n')}\n`);
    expectRefused(await cli(['types', '--spec', bomb]), /YAML aliases expand too far/);
  });
});
