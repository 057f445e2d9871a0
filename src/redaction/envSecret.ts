import { SecretMissingError, UsageError } from '../errors';

/** The POSIX environment-variable name grammar (upper and lower case, as shells accept). */
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * `name`, checked to be an environment-variable name before anything reads or prints it. The
 * natural CI typo `--secret-env "$SECRET"` passes the secret itself where its name belongs; any
 * message quoting "the variable X" would then print the secret. So a value that is not a name is
 * refused without being quoted. `option` says which option or key named it (`--secret-env`,
 * `secretEnv`), `where` what it belongs to when that is not the command (`target "acme"`).
 */
export function checkEnvName(name: string, option: string, where?: string): string {
  if (!ENV_NAME.test(name)) throw new UsageError(`${prefix(where)}${option} takes the *name* of a variable; the value given is not a name and was not printed`);
  return name;
}

function prefix(where: string | undefined): string {
  return where === undefined ? '' : `${where}: `;
}

/**
 * The value of environment variable `name` (checked with {@link checkEnvName} first), or a
 * SecretMissingError naming the variable (never its value) when it is unset or empty. The one
 * way hookproof reads a secret or a key from the environment by a name the user gave.
 */
export function readEnvSecret(name: string, env: Readonly<Record<string, string | undefined>>, option: string, where?: string): string {
  checkEnvName(name, option, where);
  const value = env[name];
  if (value === undefined || value === '') throw new SecretMissingError(`${prefix(where)}environment variable ${name} (from ${option}) is not set or empty`);
  return value;
}
