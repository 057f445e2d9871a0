import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { InputUnreadableError, KeyInvalidError, SecretMissingError } from '../errors';
import { readEnvSecret } from '../redaction/envSecret';

/**
 * The Ed25519 private key in environment variable `name`, as PEM (PKCS#8). The messages never
 * quote the variable's value, and node's own parse errors (which could) are not passed on.
 */
export function privateKeyFromEnv(name: string, env: Readonly<Record<string, string | undefined>>): KeyObject {
  const pem = readEnvSecret(name, env, '--sign-key-env');
  if (pem.trim() === '') throw new SecretMissingError(`environment variable ${name} (from --sign-key-env) is not set or empty`);
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: pem, format: 'pem' });
  } catch {
    throw new KeyInvalidError(`environment variable ${name} (from --sign-key-env) does not hold a PEM private key; create one with: openssl genpkey -algorithm ed25519`);
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new KeyInvalidError(`the key in ${name} is ${key.asymmetricKeyType ?? 'not asymmetric'}, not Ed25519; create one with: openssl genpkey -algorithm ed25519`);
  }
  return key;
}

/** An Ed25519 public key from a PEM file (a private key's file also works: its public half is used). */
export function publicKeyFromFile(path: string): KeyObject {
  let pem: string;
  try {
    pem = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new InputUnreadableError(path, cause);
  }
  let key: KeyObject;
  try {
    key = createPublicKey({ key: pem, format: 'pem' });
  } catch {
    throw new KeyInvalidError(`${path} is not a PEM public key; export one with: openssl pkey -in private.pem -pubout -out gridx.pem`);
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new KeyInvalidError(`${path} is a ${key.asymmetricKeyType ?? 'non-asymmetric'} key, not Ed25519`);
  return key;
}
