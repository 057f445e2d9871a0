import fc from 'fast-check';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { checkEnvName, readEnvSecret } from '../../src/redaction/envSecret';
import { cli, leaked, makeKey, secretForms, tmp } from '../recheck/support';

// The natural CI typo: `--secret-env "$SECRET"`, the value where the variable's name belongs.
const SECRET = 'whsec_live:Qx7-9f/Zr+2kP=wL';
const dir = tmp('hookproof-secret-echo-');
const PEM = makeKey(dir, 'gridx').privatePem;
const FORMS = secretForms(SECRET, [PEM]);
const REFUSED = /^hookproof: (--secret-env|--sign-key-env|.*secretEnv) takes the \*name\* of a variable; the value given is not a name and was not printed$/;
const ENV = { HOOKPROOF_SECRET: 'a-proper-secret-of-the-receiver', GRIDX_KEY: PEM };

const pactFile = join(dir, 'pact.json');
writeFileSync(pactFile, '{}');
const reportFile = join(dir, 'report.json');
writeFileSync(reportFile, '{}');

/** Every command that takes a secret or a key by the name of an environment variable. */
const COMMANDS: ReadonlyArray<readonly [string, (value: string) => string[]]> = [
  ['certify --secret-env', (v) => ['certify', '--url', 'http://127.0.0.1:9/hooks', '--allow-http', '--report-dir', join(dir, 'r'), '--secret-env', v]],
  ['certify --sign-key-env', (v) => ['certify', '--url', 'http://127.0.0.1:9/hooks', '--allow-http', '--report-dir', join(dir, 'r'), '--sign-key-env', v]],
  ['serve --secret-env', (v) => ['serve', '--port', '0', '--secret-env', v]],
  ['send --secret-env', (v) => ['send', '--url', 'http://127.0.0.1:9/hooks', '--allow-http', '--type', 'ping', '--secret-env', v]],
  ['listen --secret-env', (v) => ['listen', '--port', '0', '--secret-env', v]],
  ['pact verify --secret-env', (v) => ['pact', 'verify', '--url', 'http://127.0.0.1:9/hooks', '--pact', pactFile, '--secret-env', v]],
  ['recheck --secret-env', (v) => ['recheck', reportFile, '--secret-env', v]],
  ['recheck --sign-key-env', (v) => ['recheck', reportFile, '--secret-env', 'HOOKPROOF_SECRET', '--sign-key-env', v]],
  ['replay --secret-env', (v) => ['replay', reportFile, 'sig-valid-single#1', '--url', 'http://127.0.0.1:9/hooks', '--secret-env', v]],
  ['capacity --secret-env', (v) => ['capacity', '--url', 'http://127.0.0.1:9/hooks', '--allow-http', '--rate', '1', '--duration', '1s', '--secret-env', v]],
  ['fleet --sign-key-env', (v) => ['fleet', join(dir, 'targets.yaml'), '--report-dir', join(dir, 'fleet'), '--sign-key-env', v]],
];

describe('a secret given where the name of its variable belongs is refused, never printed', () => {
  beforeAll(() => {
    writeFileSync(join(dir, 'targets.yaml'), stringify({ targets: [{ name: 'acme', url: 'http://127.0.0.1:9/hooks', secretEnv: 'HOOKPROOF_SECRET', allowHttp: true }] }));
  });

  it.each(COMMANDS)('%s with the secret, then with a PEM private key', async (_name, args) => {
    for (const value of [SECRET, PEM]) {
      const run = await cli(args(value), ENV);
      expect({ code: run.code, out: run.out, lines: run.err.split('\n').length }).toEqual({ code: 2, out: '', lines: 1 });
      expect(run.err).toMatch(REFUSED);
      expect(leaked([run.out, run.err], FORMS)).toEqual([]);
    }
  });

  it("fleet: a target's secretEnv holding the secret is refused up front, before any target runs", async () => {
    const targets = join(dir, 'leaky-targets.yaml');
    writeFileSync(targets, stringify({ targets: [{ name: 'acme', url: 'http://127.0.0.1:9/hooks', secretEnv: [SECRET], allowHttp: true }] }));
    const run = await cli(['fleet', targets, '--report-dir', join(dir, 'fleet-leaky')], ENV);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/^hookproof: .*target 1: secretEnv takes the \*name\* of a variable; the value given is not a name and was not printed$/);
    expect(leaked([run.out, run.err], FORMS)).toEqual([]);
  });

  it('a proper name is still read, and one that is unset is named (it is only a name)', async () => {
    const run = await cli(['serve', '--port', '0', '--secret-env', 'NOT_SET_ANYWHERE_42'], ENV);
    expect(run.code).toBe(2);
    expect(run.err).toBe('hookproof: environment variable NOT_SET_ANYWHERE_42 (from --secret-env) is not set or empty');
  });
});

describe('checkEnvName and readEnvSecret', () => {
  const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

  it('accept exactly the names of the variable grammar, and refuse anything else without quoting it', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ minLength: 1 }), fc.stringMatching(NAME)), (value) => {
        if (NAME.test(value)) {
          expect(checkEnvName(value, '--secret-env')).toBe(value);
          expect(readEnvSecret(value, { [value]: 'the-value-1234' }, '--secret-env')).toBe('the-value-1234');
          return;
        }
        let message = '';
        try {
          checkEnvName(value, '--secret-env');
        } catch (error) {
          message = (error as Error).message;
        }
        expect(message).toBe('--secret-env takes the *name* of a variable; the value given is not a name and was not printed');
        expect(() => readEnvSecret(value, { [value]: 'x' }, '--secret-env')).toThrow(message);
      }),
    );
  });
});

describe('fleet index files mask URL passwords', () => {
  it('writes index.json and index.html with user:***@, never the password', async () => {
    const targets = join(dir, 'password-targets.yaml');
    const out = join(dir, 'fleet-password');
    // Refused (plain http without allowHttp) before anything is sent: the row is written all the same.
    writeFileSync(targets, stringify({ targets: [{ name: 'acme', url: 'http://deploy:hunter2-Pw0rd@127.0.0.1:9/hooks', secretEnv: 'HOOKPROOF_SECRET' }] }));
    const run = await cli(['fleet', targets, '--report-dir', out], ENV);
    expect(run.code).toBe(1);
    const json = readFileSync(join(out, 'index.json'), 'utf8');
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    expect((JSON.parse(json) as { targets: Array<{ url: string }> }).targets[0]?.url).toBe('http://deploy:***@127.0.0.1:9/hooks');
    expect(html).toContain('http://deploy:***@127.0.0.1:9/hooks');
    expect([json, html, run.out, run.err].filter((text) => text.includes('hunter2-Pw0rd'))).toEqual([]);
  });
});
