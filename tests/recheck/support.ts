import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { memoryIO } from '../../src/cli/memoryIO';
import { runCli } from '../../src/cli/runCli';

/** A distinctive receiver secret: any trace of it in output, reports or attestations is a leak. */
export const RECEIVER_SECRET = 'recheck-Secret-\u00e9-51c0"q';

/** An Ed25519 key pair as gridX would hold it: the private PEM (for an env var) and the public file. */
export interface TestKey {
  readonly privatePem: string;
  readonly publicPath: string;
}

export function tmp(prefix = 'hookproof-attest-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function makeKey(dir: string, name: string): TestKey {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const publicPath = join(dir, `${name}.pem`);
  writeFileSync(publicPath, publicKey.export({ type: 'spki', format: 'pem' }));
  return { privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), publicPath };
}

export interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

export async function cli(args: readonly string[], env: Record<string, string | undefined>): Promise<CliRun> {
  const io = { ...memoryIO(), env };
  const code = await runCli(args, io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

/** Every form a secret or a private key could leak in: raw, JSON-escaped, hex, base64; each PEM body line. */
export function secretForms(secret: string, privatePems: readonly string[]): string[] {
  const forms = [secret, JSON.stringify(secret).slice(1, -1), Buffer.from(secret).toString('hex'), Buffer.from(secret).toString('base64')];
  for (const pem of privatePems) {
    const body = pem.split('\n').filter((line) => line !== '' && !line.startsWith('-----'));
    forms.push(...body);
    // The raw 32-byte Ed25519 seed is the last 32 bytes of the PKCS#8 DER.
    const der = Buffer.from(body.join(''), 'base64');
    const seed = der.subarray(der.length - 32);
    forms.push(seed.toString('hex'), seed.toString('base64'));
  }
  return forms;
}

/** The text of every file under `dir`, recursively. */
export function allFileTexts(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? allFileTexts(path) : [readFileSync(path, 'utf8')];
  });
}

export function leaked(texts: readonly string[], forms: readonly string[]): string[] {
  return forms.filter((form) => texts.some((text) => text.includes(form)));
}
