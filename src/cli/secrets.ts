import { SecretMissingError } from '../errors';
import { readEnvSecret } from '../redaction/envSecret';
import { validateSecrets } from '../runner/validateTarget';

export interface SecretSources {
  /** Values of --secret (discouraged on shared machines: they show in the process list). */
  readonly secret?: readonly string[];
  /** Names given with --secret-env. */
  readonly secretEnv?: readonly string[];
}

/**
 * The receiver's secrets, from --secret values, --secret-env variables, or else HOOKPROOF_SECRET.
 * The values are only ever used to sign; no message here or anywhere else prints one. Checked
 * before anything runs: 1 to 5 secrets, each at least 8 characters and not only whitespace.
 */
export function resolveSecrets(sources: SecretSources, env: Readonly<Record<string, string | undefined>>): string[] {
  const secrets = [...(sources.secret ?? [])];
  for (const name of sources.secretEnv ?? []) secrets.push(readEnvSecret(name, env, '--secret-env'));
  if (secrets.length === 0 && env.HOOKPROOF_SECRET !== undefined && env.HOOKPROOF_SECRET !== '') secrets.push(env.HOOKPROOF_SECRET);
  if (secrets.length === 0) {
    throw new SecretMissingError('no secret given: pass --secret-env NAME (recommended), --secret VALUE, or set HOOKPROOF_SECRET');
  }
  return [...validateSecrets(secrets)];
}

/** The secret sources as commander parsed them (see `addSecretOptions`): only those given. */
export function secretSourcesOf(parsed: { readonly secret?: string[]; readonly secretEnv?: string[] }): SecretSources {
  return {
    ...(parsed.secret !== undefined ? { secret: parsed.secret } : {}),
    ...(parsed.secretEnv !== undefined ? { secretEnv: parsed.secretEnv } : {}),
  };
}
