import { BrokerError, UsageError } from '../../errors';
import { resolveBrokerConnection, type BrokerOptions, type Environment } from './brokerConnection';
import { brokerClient } from './brokerHttp';
import { halLink } from './halLinks';
import { BROKER_TIMEOUT_MS } from './runPactCli';

export interface EnsureEnvironmentOptions extends BrokerOptions {
  /** The environment's name, e.g. "production". */
  readonly name: string;
  /** Whether it is a production environment (only used when it is created). */
  readonly production?: boolean;
}

export interface EnsureEnvironmentResult {
  readonly created: boolean;
  readonly broker: string;
}

/**
 * Makes sure the broker has an environment, as the Pact Broker documents them (`pb:environments`
 * of the index: GET lists `_embedded.environments`, POST `{ name, displayName, production }`
 * creates one). An open-source broker starts with none, and `record-deployment` then fails with
 * "Environment … does not exist": a CI recipe runs this first. Throws BrokerError (exit 1).
 */
export async function ensureEnvironment(options: EnsureEnvironmentOptions, env: Environment = process.env): Promise<EnsureEnvironmentResult> {
  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(options.name)) throw new UsageError(`--name must be an environment name such as production, got "${options.name}"`);
  const client = brokerClient(resolveBrokerConnection(options, env), options.brokerTimeoutMs ?? BROKER_TIMEOUT_MS);
  const index = await client.request({ method: 'GET', url: '', purpose: 'read the broker index' });
  const href = halLink(index, 'pb:environments');
  if (href === undefined)
    throw new BrokerError('unsupported', `the broker's index has no pb:environments link (environments need Pact Broker 2.80 or later, or PactFlow) (${client.broker})`);
  const list = await client.request({ method: 'GET', url: href, purpose: 'list the environments' });
  const environments = (list as { _embedded?: { environments?: unknown } } | undefined)?._embedded?.environments;
  const names = (Array.isArray(environments) ? (environments as unknown[]) : []).map((e) => (typeof e === 'object' && e !== null ? (e as { name?: unknown }).name : undefined));
  if (names.includes(options.name)) return { created: false, broker: client.broker };
  await client.request({
    method: 'POST',
    url: href,
    purpose: `create the environment ${options.name}`,
    body: { name: options.name, displayName: options.name, production: options.production === true },
  });
  return { created: true, broker: client.broker };
}
