import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { memoryIO } from '../../src/cli/memoryIO';
import { runCli } from '../../src/cli/runCli';

const ENV = { HOOKPROOF_SECRET: 'report-dir-secret-7e2a' };
const dir = mkdtempSync(join(tmpdir(), 'hookproof-reportdir-'));

async function refused(args: string[]): Promise<string> {
  const io = { ...memoryIO(), env: ENV };
  const code = await runCli(args, io);
  expect({ code, lines: io.stderr.length, out: io.stdout }).toEqual({ code: 2, lines: 1, out: [] });
  expect(io.stderr[0]).not.toMatch(/internal error/);
  return io.stderr[0] ?? '';
}

describe('--report-dir and number options are read strictly', () => {
  const certify = ['certify', '--allow-http', '--url', 'http://127.0.0.1:9/hooks', '--secret-env', 'HOOKPROOF_SECRET'];
  const file = join(dir, 'a-file');
  writeFileSync(file, '');

  it.each([
    [['--report-dir', '/'], /--report-dir \/ is the file-system root: give a directory of its own/],
    [['--report-dir', ''], /--report-dir is empty: give the directory to write into/],
    [['--report-dir', '  '], /--report-dir is empty/],
    [['--report-dir', file], /is a file, not a directory/],
  ])('certify %j is refused before anything runs', async (extra, message) => {
    expect(await refused([...certify, ...extra])).toMatch(message);
  });

  it('recheck and fleet refuse the same directories before reading anything else', async () => {
    writeFileSync(join(dir, 'targets.yaml'), 'targets:\n  - {name: a, url: "http://127.0.0.1:9/", secretEnv: HOOKPROOF_SECRET, allowHttp: true}\n');
    expect(await refused(['fleet', join(dir, 'targets.yaml'), '--report-dir', '/'])).toMatch(/file-system root/);
    expect(await refused(['fleet', join(dir, 'targets.yaml'), '--report-dir', ''])).toMatch(/--report-dir is empty/);
    expect(await refused(['recheck', join(dir, 'nope.json'), '--secret-env', 'HOOKPROOF_SECRET', '--report-dir', '/'])).toMatch(/file-system root/);
    expect(existsSync(join('/', 'report.json'))).toBe(false);
  });

  it.each([' 5', '5 ', '\t5', '5\n', '+5', '05.0'])('a number with anything around its digits (%j) is refused', async (value) => {
    expect(await refused([...certify, '--report-dir', join(dir, 'r'), '--timeout-ms', value])).toMatch(
      /^hookproof: --timeout-ms must be a whole number from 1 to 2147483647, got "/,
    );
  });
});
