import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** PEM key/certificate pairs generated for one test run; nothing is committed to the repository. */
export type TlsFixtures = {
  /** A private CA, trusted only when passed as `ca`. */
  caCert: string;
  /** A leaf for IP 127.0.0.1 signed by the private CA. */
  leaf: { key: string; cert: string };
  /** A leaf signed by the private CA for a host name other than 127.0.0.1. */
  wrongHost: { key: string; cert: string };
  /** A self-signed certificate for IP 127.0.0.1. */
  selfSigned: { key: string; cert: string };
};

/** Whether `openssl` is on PATH (of `env`). */
export function hasOpenssl(env: NodeJS.ProcessEnv = process.env): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore', env });
    return true;
  } catch {
    return false;
  }
}

export const OPENSSL_INSTALL_HINT = 'openssl not found on PATH: run `apt-get update && apt-get install -y openssl` (.ci/run does this in CI)';

/**
 * What the TLS suites do on this machine. TLS-1 is a required check, so a CI image without
 * openssl must not pass silently: under CI=true the suites run and fail, naming the fix; locally
 * they are skipped with a warning.
 */
export function tlsSuitePlan(env: NodeJS.ProcessEnv, opensslPresent: boolean): { run: boolean; warning?: string } {
  if (opensslPresent) return { run: true };
  if (env.CI === 'true') return { run: true };
  return { run: false, warning: `SKIPPING the TLS tests: ${OPENSSL_INSTALL_HINT}. In CI (CI=true) they fail instead.` };
}

/** `describe` for a suite that needs certificates: runs, skips with a warning, or runs to fail (see tlsSuitePlan). */
export function describeTls(name: string, body: () => void): void {
  const plan = tlsSuitePlan(process.env, hasOpenssl());
  if (plan.warning !== undefined) console.warn(plan.warning);
  (plan.run ? describe : describe.skip)(name, body);
}

/** `it` for one test that needs certificates, in a suite that otherwise does not: gated like describeTls. */
export function itTls(name: string, fn: () => Promise<unknown>, timeout?: number): void {
  const plan = tlsSuitePlan(process.env, hasOpenssl());
  if (plan.warning !== undefined) console.warn(plan.warning);
  (plan.run ? it : it.skip)(name, fn, timeout);
}

/** Generates the fixtures with `openssl` (EC P-256 keys: fast to make), valid for one day. */
export function generateTlsFixtures(env: NodeJS.ProcessEnv = process.env): TlsFixtures {
  if (!hasOpenssl(env)) throw new Error(`${OPENSSL_INSTALL_HINT}. CI=true, so this is a failure, not a skip.`);
  const dir = mkdtempSync(join(tmpdir(), 'hookproof-tls-'));
  const file = (name: string): string => join(dir, name);
  const openssl = (...args: string[]): void => {
    execFileSync('openssl', args, { stdio: 'pipe', env });
  };
  const newKey = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  try {
    openssl(
      'req',
      '-x509',
      ...newKey,
      '-keyout',
      file('ca.key'),
      '-out',
      file('ca.crt'),
      '-days',
      '1',
      '-subj',
      '/CN=hookproof test CA',
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
    );
    const signedLeaf = (name: string, san: string): { key: string; cert: string } => {
      openssl('req', ...newKey, '-keyout', file(`${name}.key`), '-out', file(`${name}.csr`), '-subj', `/CN=${name}`);
      writeFileSync(file(`${name}.ext`), `subjectAltName=${san}\nbasicConstraints=CA:FALSE\n`);
      openssl(
        'x509',
        '-req',
        '-in',
        file(`${name}.csr`),
        '-CA',
        file('ca.crt'),
        '-CAkey',
        file('ca.key'),
        '-CAcreateserial',
        '-out',
        file(`${name}.crt`),
        '-days',
        '1',
        '-extfile',
        file(`${name}.ext`),
      );
      return { key: readFileSync(file(`${name}.key`), 'utf8'), cert: readFileSync(file(`${name}.crt`), 'utf8') };
    };
    const leaf = signedLeaf('leaf', 'IP:127.0.0.1');
    const wrongHost = signedLeaf('wrong-host', 'DNS:receiver.example.test');
    openssl('req', '-x509', ...newKey, '-keyout', file('self.key'), '-out', file('self.crt'), '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1');
    return {
      caCert: readFileSync(file('ca.crt'), 'utf8'),
      leaf,
      wrongHost,
      selfSigned: { key: readFileSync(file('self.key'), 'utf8'), cert: readFileSync(file('self.crt'), 'utf8') },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
