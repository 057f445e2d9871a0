import { UsageError } from '../../errors';

/** Environment variables, as process.env holds them. */
export type Environment = Readonly<Record<string, string | undefined>>;

/** How to reach a Pact Broker, as given on the command line; the PACT_BROKER_* variables fill the gaps. */
export interface BrokerOptions {
  /** Base URL of the broker; default $PACT_BROKER_BASE_URL. */
  readonly brokerUrl?: string;
  /** Bearer token (PactFlow); default $PACT_BROKER_TOKEN. */
  readonly brokerToken?: string;
  /** Basic-auth user; default $PACT_BROKER_USERNAME. */
  readonly brokerUsername?: string;
  /** Basic-auth password; default $PACT_BROKER_PASSWORD. */
  readonly brokerPassword?: string;
  /** Path of the `pact` binary to run; default the one @pact-foundation/pact-cli installed. */
  readonly pactCli?: string;
  /** Deadline of each Pact CLI run against the broker, in ms (default BROKER_TIMEOUT_MS, 30 s). */
  readonly brokerTimeoutMs?: number;
}

export type BrokerAuth =
  { readonly kind: 'token'; readonly token: string } | { readonly kind: 'basic'; readonly username: string; readonly password: string } | { readonly kind: 'none' };

/** A resolved broker: where it is and how to authenticate. */
export interface BrokerConnection {
  readonly url: string;
  readonly auth: BrokerAuth;
}

/** The variables the Pact CLI reads for the broker, and hookproof with it. */
export const BROKER_VARIABLES = ['PACT_BROKER_BASE_URL', 'PACT_BROKER_TOKEN', 'PACT_BROKER_USERNAME', 'PACT_BROKER_PASSWORD'] as const;

/**
 * Resolves the broker URL and credentials from options, then PACT_BROKER_BASE_URL, PACT_BROKER_TOKEN,
 * PACT_BROKER_USERNAME and PACT_BROKER_PASSWORD. Credentials given as options win over the
 * environment as a whole (a --broker-token ignores PACT_BROKER_USERNAME), a token wins over basic
 * auth. Throws UsageError (naming no secret) for a missing or malformed URL or half a basic login.
 */
export function resolveBrokerConnection(options: BrokerOptions, env: Environment): BrokerConnection {
  const url = nonEmpty(options.brokerUrl) ?? nonEmpty(env.PACT_BROKER_BASE_URL);
  if (url === undefined) throw new UsageError('no Pact Broker URL: pass --broker-url URL or set PACT_BROKER_BASE_URL');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UsageError('the Pact Broker URL is not a valid URL (give it as https://broker.example.com)');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new UsageError(`the Pact Broker URL must be http:// or https://, got ${parsed.protocol}//…`);
  return { url, auth: resolveAuth(options, env) };
}

function resolveAuth(options: BrokerOptions, env: Environment): BrokerAuth {
  const token = nonEmpty(options.brokerToken);
  const username = nonEmpty(options.brokerUsername);
  const password = nonEmpty(options.brokerPassword);
  if (token !== undefined && (username !== undefined || password !== undefined)) {
    throw new UsageError('give either --broker-token or --broker-username with --broker-password, not both');
  }
  if (token !== undefined) return { kind: 'token', token };
  if (username !== undefined || password !== undefined) return basic(username ?? nonEmpty(env.PACT_BROKER_USERNAME), password ?? nonEmpty(env.PACT_BROKER_PASSWORD));
  const envToken = nonEmpty(env.PACT_BROKER_TOKEN);
  if (envToken !== undefined) return { kind: 'token', token: envToken };
  const envUser = nonEmpty(env.PACT_BROKER_USERNAME);
  const envPassword = nonEmpty(env.PACT_BROKER_PASSWORD);
  return envUser === undefined && envPassword === undefined ? { kind: 'none' } : basic(envUser, envPassword);
}

function basic(username: string | undefined, password: string | undefined): BrokerAuth {
  if (username === undefined) throw new UsageError('a broker password needs a user name: pass --broker-username or set PACT_BROKER_USERNAME');
  if (password === undefined) throw new UsageError('a broker user name needs a password: pass --broker-password or set PACT_BROKER_PASSWORD');
  return { kind: 'basic', username, password };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
