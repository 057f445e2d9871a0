import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BrokerError, ContractNotPortableError, UsageError } from '../../errors';
import { redactSecrets } from '../../redaction/redactSecrets';
import { terminalSafe } from '../../text/terminalSafe';
import { contentVersion } from '../portable/contentVersion';
import { contractDifferences } from '../portable/contractDifferences';
import { portabilityProblems } from '../portable/portabilityProblems';
import { resolveBrokerConnection, type BrokerOptions, type Environment } from './brokerConnection';
import { brokerClient, type BrokerClient } from './brokerHttp';
import { halLink, halLinks } from './halLinks';
import { readPactParties, type PactParties } from './readPactParties';
import { BROKER_TIMEOUT_MS } from './runPactCli';

export interface PublishPactsOptions extends BrokerOptions {
  /** Pact files to publish, or directories: every pact (`*.json`) in a directory is published. */
  readonly files: readonly string[];
  /**
   * The consumer's version. Default, for contracts hookproof generated: the content-named version
   * (`<spec sha256 prefix>+<contract sha256 prefix>`, see contentVersion).
   */
  readonly consumerAppVersion?: string;
  /** The consumer's git branch (recommended). */
  readonly branch?: string;
  /** Consumer version tags (the older alternative to branches). */
  readonly tags?: readonly string[];
  /** The CI build that produced the pacts, shown by the broker. */
  readonly buildUrl?: string;
  /** After publishing, fetch the broker's copy of each pact and check every interaction survived unchanged. */
  readonly checkRoundtrip?: boolean;
}

export interface PublishPactsResult {
  /** True: a failure throws (BrokerError, ContractNotPortableError). */
  readonly published: true;
  readonly pacts: readonly PactParties[];
  /** The consumer version published. */
  readonly version: string;
  /** True when the version was named after the content (no consumerAppVersion given). */
  readonly contentNamed: boolean;
  /** What the broker said (its notices and logs), one line each, on one safe line each. */
  readonly output: readonly string[];
  /** The broker's URL without credentials, for messages. */
  readonly broker: string;
  /** 'unchanged' when the broker's copies were fetched and every interaction survived. */
  readonly roundtrip: 'unchanged' | 'not checked';
}

interface Contract {
  readonly parties: PactParties;
  readonly bytes: Buffer;
  readonly pact: unknown;
}

/**
 * Publishes pact files through the broker's HAL API (`pb:publish-contracts`, as the Pact Broker
 * documents it), with each file's exact bytes as the content: the Pact CLI re-serialised the
 * document before upload, so a body's bytes (and its signature) did not survive. Refuses, before
 * sending anything, a contract whose signed bodies would not survive a broker (see
 * portabilityProblems) and different content under a version the broker already holds. With
 * `checkRoundtrip`, fetches the broker's copies and checks every interaction survived.
 * Every request shares one deadline (`brokerTimeoutMs`, default 30 s). Throws UsageError,
 * InputUnreadableError or PactFileInvalidError (exit 2), ContractNotPortableError or BrokerError
 * (exit 1), never with a credential in the message.
 */
export async function publishPacts(options: PublishPactsOptions, env: Environment = process.env): Promise<PublishPactsResult> {
  if (options.files.length === 0) throw new UsageError('no pact files to publish');
  if (options.consumerAppVersion?.trim() === '') throw new UsageError('--consumer-app-version must not be empty');
  const tags = (options.tags ?? [])
    .flatMap((t) => t.split(','))
    .map((t) => t.trim())
    .filter((t) => t !== '');
  const files = options.files.flatMap(pactFilesIn);
  const contracts = readPactParties(files).map((parties): Contract => {
    const bytes = readFileSync(parties.path);
    return { parties, bytes, pact: JSON.parse(bytes.toString('utf8')) as unknown };
  });
  const consumers = [...new Set(contracts.map((c) => c.parties.consumer))];
  if (consumers.length > 1) throw new UsageError(`publish the pacts of one consumer at a time, got ${consumers.join(', ')}`);
  for (const contract of contracts) {
    if (!Buffer.from(contract.bytes.toString('utf8'), 'utf8').equals(contract.bytes)) throw new ContractNotPortableError(`not published: ${contract.parties.path} is not UTF-8`);
    const problems = portabilityProblems(contract.pact);
    if (problems.length > 0) throw new ContractNotPortableError(`not published: ${contract.parties.path} would not survive a broker: ${problems.join('; ')}`);
  }
  const version = options.consumerAppVersion ?? defaultVersion(contracts);
  const connection = resolveBrokerConnection(options, env);
  const client = brokerClient(connection, options.brokerTimeoutMs ?? BROKER_TIMEOUT_MS);
  for (const contract of contracts) await refuseConflict(client, contract, version);
  const index = await client.request({ method: 'GET', url: '', purpose: 'read the broker index' });
  const href = halLink(index, 'pb:publish-contracts');
  if (href === undefined) {
    throw new BrokerError(
      'unsupported',
      `cannot publish: the broker's index has no pb:publish-contracts link (it needs Pact Broker 2.86 or later, or PactFlow) (${client.broker})`,
    );
  }
  const answer = await client.request({
    method: 'POST',
    url: href,
    purpose: 'publish the contracts',
    body: {
      pacticipantName: consumers[0],
      pacticipantVersionNumber: version,
      ...(options.branch !== undefined && options.branch !== '' ? { branch: options.branch } : {}),
      ...(tags.length > 0 ? { tags } : {}),
      ...(options.buildUrl !== undefined && options.buildUrl !== '' ? { buildUrl: options.buildUrl } : {}),
      contracts: contracts.map((c) => ({
        consumerName: c.parties.consumer,
        providerName: c.parties.provider,
        specification: 'pact',
        contentType: 'application/json',
        content: c.bytes.toString('base64'),
      })),
    },
  });
  const output = brokerLines(answer).map((line) => terminalSafe(redactSecrets(line, client.secrets)));
  if (options.checkRoundtrip === true) {
    const links = halLinks(answer, 'pb:contracts');
    for (const [i, contract] of contracts.entries()) {
      const copy = await client.request({ method: 'GET', url: links[i] ?? pactUrl(contract, version), purpose: "fetch the broker's copy of the pact" });
      const differences = contractDifferences(contract.pact, copy);
      if (differences.length > 0) {
        throw new ContractNotPortableError(`published, but the broker's copy of ${contract.parties.path} is not the contract: ${differences.join('; ')}`);
      }
    }
  }
  return {
    published: true,
    pacts: contracts.map((c) => c.parties),
    version,
    contentNamed: options.consumerAppVersion === undefined,
    output,
    broker: client.broker,
    roundtrip: options.checkRoundtrip === true ? 'unchanged' : 'not checked',
  };
}

/** The content-named version, for contracts hookproof generated from one spec. */
function defaultVersion(contracts: readonly Contract[]): string {
  const specs = new Set(contracts.map((c) => specSha256(c.pact)));
  const [spec] = specs;
  if (specs.size !== 1 || spec === undefined) {
    throw new UsageError(
      specs.size > 1
        ? 'these pacts were generated from different specs: publish them separately, or give --consumer-app-version'
        : '--consumer-app-version is needed for pacts hookproof did not generate (no metadata.hookproof.specSha256)',
    );
  }
  return contentVersion(
    spec,
    contracts.map((c) => c.bytes),
  );
}

function specSha256(pact: unknown): string | undefined {
  const meta = (pact as { metadata?: { hookproof?: { specSha256?: unknown } } } | null)?.metadata?.hookproof?.specSha256;
  return typeof meta === 'string' && /^[0-9a-f]{64}$/.test(meta) ? meta : undefined;
}

/** The documented URL of the pact of one consumer version. */
function pactUrl(contract: Contract, version: string): string {
  const e = encodeURIComponent;
  return `pacts/provider/${e(contract.parties.provider)}/consumer/${e(contract.parties.consumer)}/version/${e(version)}`;
}

/** Different content under a version the broker holds would rewrite what was verified: refused. */
async function refuseConflict(client: BrokerClient, contract: Contract, version: string): Promise<void> {
  const held = await client.request({ method: 'GET', url: pactUrl(contract, version), purpose: 'look for a pact already published under this version', notFoundIsAnswer: true });
  if (held === undefined) return;
  const differences = contractDifferences(contract.pact, held).filter((d) => !d.startsWith("in the broker's copy"));
  if (differences.length === 0) return;
  throw new BrokerError(
    'conflict',
    `not published: the broker already holds a different pact between ${contract.parties.consumer} version ${version} and ${contract.parties.provider} (${differences[0] ?? ''}); new content needs a new version: leave out --consumer-app-version to publish under the content-named one (${client.broker})`,
  );
}

/** The broker's notices and logs, as `level: text` lines. */
function brokerLines(answer: unknown): string[] {
  const o = typeof answer === 'object' && answer !== null ? (answer as { notices?: unknown; logs?: unknown }) : {};
  const lines = (list: unknown, text: string, level: string): string[] =>
    (Array.isArray(list) ? (list as unknown[]) : []).flatMap((item) => {
      const entry = typeof item === 'object' && item !== null ? (item as Record<string, unknown>) : {};
      return typeof entry[text] === 'string' && entry[text] !== '' ? [`${typeof entry[level] === 'string' ? entry[level] : 'info'}: ${entry[text]}`] : [];
    });
  const notices = lines(o.notices, 'text', 'type');
  return notices.length > 0 ? notices : lines(o.logs, 'message', 'level');
}

/** A file as it is; a directory as every `*.json` in it, in name order (none: a usage error). */
function pactFilesIn(path: string): string[] {
  if (!existsSync(path) || !statSync(path).isDirectory()) return [path];
  const files = readdirSync(path)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => join(path, name));
  if (files.length === 0) throw new UsageError(`${path} is a directory with no pact files (*.json) in it`);
  return files;
}
