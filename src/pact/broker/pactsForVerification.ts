import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrokerError } from '../../errors';
import type { BrokerClient } from './brokerHttp';
import { expandHref, halLink } from './halLinks';

/** What the provider asks the broker for (the body of `pb:provider-pacts-for-verification`). */
export interface VerificationQuery {
  readonly provider: string;
  readonly consumerVersionSelectors: ReadonlyArray<Readonly<Record<string, unknown>>>;
  readonly providerVersionBranch?: string;
  readonly providerVersionTags?: readonly string[];
  readonly includePendingStatus?: boolean;
  readonly includeWipPactsSince?: string;
}

/** One pact the broker selected, fetched into a local file. */
export interface PactToVerify {
  /** The local copy, as the broker served it (bodies are strings: their bytes are kept). */
  readonly file: string;
  readonly pact: { readonly interactions: readonly unknown[] };
  /** The broker's name for it, e.g. "latest from main". */
  readonly name: string;
  /** Pending for this provider: its failures are reported but do not fail the run. */
  readonly pending: boolean;
  /** Where its verification results go (`pb:publish-verification-results`). */
  readonly resultsUrl: string | undefined;
  /** The provider pacticipant resource (`pb:provider`), whose links record branch and tags. */
  readonly providerUrl: string | undefined;
}

/**
 * Asks the broker which pacts the provider must verify, as the Pact Broker documents it ("Pacts for
 * verification"): the index's `pb:provider-pacts-for-verification` link, POSTed the selectors,
 * pending and WIP options and the provider's branch and tags; then fetches each pact listed under
 * `_embedded.pacts` through its `self` link. Every request goes through `client`, so the whole
 * exchange has one deadline and every failure names its cause (BrokerError).
 */
export async function pactsForVerification(client: BrokerClient, query: VerificationQuery): Promise<PactToVerify[]> {
  const index = await client.request({ method: 'GET', url: '', purpose: 'read the broker index' });
  const template = halLink(index, 'pb:provider-pacts-for-verification');
  if (template === undefined) throw new BrokerError('unsupported', `cannot fetch pacts: the broker's index has no pb:provider-pacts-for-verification link (${client.broker})`);
  const { provider, ...body } = query;
  const answer = await client.request({ method: 'POST', url: expandHref(template, { provider }), purpose: `ask the broker which pacts ${provider} must verify`, body });
  const listed = (answer as { _embedded?: { pacts?: unknown } } | undefined)?._embedded?.pacts;
  if (!Array.isArray(listed)) throw new BrokerError('unsupported', `cannot fetch pacts: the broker's answer lists no _embedded.pacts (${client.broker})`);
  const dir = mkdtempSync(join(tmpdir(), 'hookproof-broker-pacts-'));
  const pacts: PactToVerify[] = [];
  for (const [i, entry] of (listed as unknown[]).entries()) {
    const href = halLink(entry, 'self');
    if (href === undefined) continue;
    const properties = (entry as { verificationProperties?: { pending?: unknown } }).verificationProperties;
    const name = typeof (entry as { shortDescription?: unknown }).shortDescription === 'string' ? (entry as { shortDescription: string }).shortDescription : href;
    const document = await client.request({ method: 'GET', url: href, purpose: 'fetch a pact to verify' });
    const interactions = (document as { interactions?: unknown } | undefined)?.interactions;
    if (!Array.isArray(interactions)) throw new BrokerError('not-json', `cannot verify: what the broker served at ${href} is not a pact (no interactions) (${client.broker})`);
    const file = join(dir, `pact-${i}.json`);
    writeFileSync(file, JSON.stringify(document));
    pacts.push({
      file,
      pact: { interactions: interactions as unknown[] },
      name,
      pending: properties?.pending === true,
      resultsUrl: halLink(document, 'pb:publish-verification-results'),
      providerUrl: halLink(document, 'pb:provider'),
    });
  }
  if (pacts.length === 0)
    throw new BrokerError('unsupported', `no pacts to verify: the broker selected none for ${provider} with these consumer version selectors (${client.broker})`);
  return pacts;
}
