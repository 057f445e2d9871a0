import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// .ci/provision run for real, on a PATH where only a fake apt-get (which records its arguments) and
// what bash needs exist: what CI would install is what this test sees requested.
const SCRIPT = join(__dirname, '..', '..', '.ci', 'provision');

describe('.ci/provision', () => {
  let dir: string;
  let log: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'hookproof-provision-'));
    log = join(dir, 'apt.log');
    const fake = (name: string, body: string): void => {
      writeFileSync(join(dir, name), `#!/bin/bash\n${body}\n`);
      chmodSync(join(dir, name), 0o755);
    };
    fake('apt-get', `echo "$*" >> ${JSON.stringify(log)}`);
    fake('id', 'echo 0');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const provision = (extraTools: readonly string[]): { status: number | null; stderr: string; apt: string } => {
    for (const tool of extraTools) symlinkSync(tool, join(dir, tool.split('/').pop() as string));
    const result = spawnSync('/bin/bash', [SCRIPT], { encoding: 'utf8', env: { PATH: dir, HOOKPROOF_CHROMIUM: '/usr/bin/true' } });
    let apt = '';
    try {
      apt = readFileSync(log, 'utf8');
    } catch {
      apt = '';
    }
    return { status: result.status, stderr: result.stderr, apt };
  };

  it('installs openssl when it is missing', () => {
    const result = provision([]);
    expect(result.status).toBe(0);
    expect(result.apt).toMatch(/^update -qq\ninstall -y -qq --no-install-recommends openssl\n$/);
    expect(result.stderr).toContain('installing openssl');
  });

  it('installs nothing when openssl is there (and chromium is configured)', () => {
    const opensslPath = spawnSync('/bin/bash', ['-c', 'command -v openssl'], { encoding: 'utf8' }).stdout.trim();
    if (opensslPath === '') throw new Error('this machine has no openssl to link; run .ci/provision first');
    const result = provision([opensslPath]);
    expect(result).toEqual({ status: 0, stderr: '', apt: '' });
  });
});
