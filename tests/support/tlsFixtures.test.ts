import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describeTls, generateTlsFixtures, hasOpenssl, OPENSSL_INSTALL_HINT, tlsSuitePlan } from './tlsFixtures';

// TLS-1 is required: a machine without openssl may skip the TLS suites locally, never in CI.
describe('the TLS test gate', () => {
  it('runs the TLS suites whenever openssl is there', () => {
    expect(tlsSuitePlan({}, true)).toEqual({ run: true });
    expect(tlsSuitePlan({ CI: 'true' }, true)).toEqual({ run: true });
  });

  it('skips them locally without openssl, with a warning naming the fix', () => {
    expect(tlsSuitePlan({}, false)).toEqual({ run: false, warning: expect.stringContaining('apt-get install -y openssl') });
  });

  it('runs them under CI=true without openssl, so that generating the certificates fails and names the fix', () => {
    expect(tlsSuitePlan({ CI: 'true' }, false)).toEqual({ run: true });
    const withoutOpenssl = { ...process.env, PATH: '/nonexistent' };
    expect(hasOpenssl(withoutOpenssl)).toBe(false);
    expect(() => generateTlsFixtures(withoutOpenssl)).toThrow(`${OPENSSL_INSTALL_HINT}. CI=true, so this is a failure, not a skip.`);
  });

  it('is the only gate: every test file that makes certificates declares its tests through describeTls or itTls', () => {
    const tests = join(__dirname, '..');
    const files = readdirSync(tests, { recursive: true, encoding: 'utf8' })
      .filter((path) => path.endsWith('.ts') && !path.startsWith('fixtures') && !['tlsFixtures.ts', 'tlsFixtures.test.ts'].includes(relative('support', path)))
      .map((path) => ({ path, text: readFileSync(join(tests, path), 'utf8') }));
    const making = files.filter(({ text }) => text.includes('generateTlsFixtures('));
    expect(making.length).toBeGreaterThan(3);
    // A hand-made `hasOpenssl() ? it : it.skip` would skip silently under CI=true.
    expect(making.filter(({ text }) => !/\b(describeTls|itTls)\(/.test(text) || /hasOpenssl\(/.test(text)).map(({ path }) => path)).toEqual([]);
  });
});

// The gate itself in use: with openssl present (CI provisions it), a suite declared through it runs.
describeTls('a suite declared with describeTls', () => {
  it('runs here and gets certificates', () => {
    expect(generateTlsFixtures().caCert).toContain('BEGIN CERTIFICATE');
  });
});
