import { BrokerError } from '../../errors';
import { VERSION } from '../../version';
import type { BrokerClient } from './brokerHttp';
import { expandHref, halLink } from './halLinks';
import type { PactToVerify } from './pactsForVerification';

/** The provider version a result is recorded for. */
export interface ProviderVersion {
  readonly version: string;
  readonly branch?: string;
  readonly tags?: readonly string[];
  readonly buildUrl?: string;
}

/**
 * Publishes one pact's verification result as the Pact Broker documents it: the provider version
 * recorded on its branch (`pb:branch-version`) and tags (`pb:version-tag`) of the provider resource,
 * then `POST pb:publish-verification-results` with success, version, build URL and who verified.
 * A refusal is a BrokerError with the broker's reason: a result that was not recorded must fail
 * the run, or can-i-deploy later has nothing to go on.
 */
export async function publishVerificationResult(client: BrokerClient, pact: PactToVerify, success: boolean, provider: ProviderVersion): Promise<void> {
  if (pact.resultsUrl === undefined)
    throw new BrokerError('unsupported', `cannot publish results: the pact "${pact.name}" has no pb:publish-verification-results link (${client.broker})`);
  const tags = provider.tags ?? [];
  if ((provider.branch !== undefined && provider.branch !== '') || tags.length > 0) {
    if (pact.providerUrl === undefined) throw new BrokerError('unsupported', `cannot record the provider version: the pact has no pb:provider link (${client.broker})`);
    const resource = await client.request({ method: 'GET', url: pact.providerUrl, purpose: 'read the provider pacticipant' });
    const branchHref = halLink(resource, 'pb:branch-version');
    if (provider.branch !== undefined && provider.branch !== '' && branchHref !== undefined) {
      await client.request({
        method: 'PUT',
        url: expandHref(branchHref, { branch: provider.branch, version: provider.version }),
        purpose: 'record the provider version on its branch',
        body: {},
      });
    }
    const tagHref = halLink(resource, 'pb:version-tag');
    for (const tag of tags) {
      if (tagHref !== undefined)
        await client.request({ method: 'PUT', url: expandHref(tagHref, { version: provider.version, tag }), purpose: 'tag the provider version', body: {} });
    }
  }
  await client.request({
    method: 'POST',
    url: pact.resultsUrl,
    purpose: 'publish the verification result',
    body: {
      success,
      providerApplicationVersion: provider.version,
      verifiedBy: { implementation: 'hookproof', version: VERSION },
      ...(provider.buildUrl !== undefined && provider.buildUrl !== '' ? { buildUrl: provider.buildUrl } : {}),
    },
  });
}
