import { createServer, type IncomingHttpHeaders } from 'node:http';
import { listen } from '../../../support/servers';
import type { HttpPact } from '../../../../src/pact/http';

/*
 * A stand-in Pact Broker on 127.0.0.1 for provider verification: exactly the HAL resources the
 * Rust verifier (through pact-js) was seen to use, as the Pact Broker documents them ("Pacts for
 * verification", "Publishing verification results"):
 *
 * - `GET /`: the index, with the templated `pb:provider-pacts-for-verification` link;
 * - `GET` then `POST /pacts/provider/{provider}/for-verification`: the POST body carries
 *   `consumerVersionSelectors`, `includePendingStatus` and `providerVersionBranch`; the answer lists
 *   the pacts under `_embedded.pacts[]`, each with `verificationProperties` and a `self` link;
 * - `GET` of that link: the pact, with `pb:provider` and `pb:publish-verification-results` links;
 * - `GET /pacticipants/{provider}`: with the templated `pb:branch-version` link, which the verifier
 *   `PUT`s to record the provider version on its branch before publishing;
 * - `PUT` of the templated `pb:version-tag` link, to tag the provider version (`--provider-tags`);
 * - `POST …/verification-results`: `success`, `providerApplicationVersion`, `verifiedBy`, `buildUrl`.
 *
 * With `pending`, the pact is listed as pending (`verificationProperties.pending`), as a broker does
 * for a pact this provider has never verified successfully.
 *
 * Every request is recorded; with a token set, anything but that Bearer token gets a 401.
 */

export interface BrokerRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

export interface VerificationBroker {
  readonly url: string;
  readonly requests: BrokerRequest[];
  /** Bodies of the verification results published, parsed. */
  results(): Array<{ success: boolean; providerApplicationVersion: string }>;
  close(): Promise<void>;
}

/**
 * `pending`: the broker says the pact is pending for this provider (not yet verified successfully).
 * `refuseResults`: the broker answers the results publication with this status and error (a
 * read-only token gets 403 from PactFlow).
 */
export async function verificationBroker(
  pact: HttpPact,
  token: string,
  options: { readonly pending?: boolean; readonly refuseResults?: { readonly status: number; readonly error: string } } = {},
): Promise<VerificationBroker> {
  const requests: BrokerRequest[] = [];
  const provider = encodeURIComponent(pact.provider.name);
  const consumer = encodeURIComponent(pact.consumer.name);
  let base = '';
  const pactPath = `/pacts/provider/${provider}/consumer/${consumer}/pact-version/0f1e2d`;
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      const url = req.url ?? '/';
      requests.push({ method: req.method ?? '', url, headers: req.headers, body });
      const json = (status: number, value: unknown): void => {
        res.writeHead(status, { 'content-type': 'application/hal+json' }).end(JSON.stringify(value));
      };
      if (req.headers.authorization !== `Bearer ${token}`) {
        json(401, { error: 'unauthorised' });
        return;
      }
      const route = `${req.method ?? ''} ${url}`;
      switch (route) {
        case 'GET /':
          json(200, { _links: { 'pb:provider-pacts-for-verification': { href: `${base}/pacts/provider/{provider}/for-verification`, templated: true } } });
          return;
        case `GET /pacts/provider/${provider}/for-verification`:
          json(200, { _links: { self: { href: `${base}${url}` } } });
          return;
        case `POST /pacts/provider/${provider}/for-verification`:
          json(200, {
            _embedded: {
              pacts: [
                {
                  shortDescription: 'latest from main',
                  verificationProperties: {
                    pending: options.pending === true,
                    notices: options.pending === true ? [{ when: 'before_verification', text: 'This pact is in pending state for this version of the provider' }] : [],
                  },
                  _links: { self: { href: `${base}${pactPath}`, name: 'Pact' } },
                },
              ],
            },
          });
          return;
        case `GET ${pactPath}`:
          json(200, {
            ...pact,
            _links: { 'pb:provider': { href: `${base}/pacticipants/${provider}` }, 'pb:publish-verification-results': { href: `${base}${pactPath}/verification-results` } },
          });
          return;
        case `GET /pacticipants/${provider}`:
          json(200, {
            name: pact.provider.name,
            _links: {
              'pb:branch-version': { href: `${base}/pacticipants/${provider}/branches/{branch}/versions/{version}`, templated: true },
              'pb:version-tag': { href: `${base}/pacticipants/${provider}/versions/{version}/tags/{tag}`, templated: true },
            },
          });
          return;
        case `POST ${pactPath}/verification-results`:
          if (options.refuseResults !== undefined) {
            json(options.refuseResults.status, { error: options.refuseResults.error });
            return;
          }
          json(201, { _links: { self: { href: `${base}${pactPath}/verification-results/1` } } });
          return;
        default:
          if (req.method === 'PUT' && url.startsWith(`/pacticipants/${provider}/branches/`)) {
            json(200, { _links: { self: { href: `${base}${url}` } } });
            return;
          }
          if (req.method === 'PUT' && url.startsWith(`/pacticipants/${provider}/versions/`)) {
            json(200, { _links: { self: { href: `${base}${url}` } } });
            return;
          }
          json(404, { error: `no ${route}` });
          return;
      }
    });
  });
  const listening = await listen(server);
  base = listening.origin;
  return {
    url: base,
    requests,
    results: () =>
      requests
        .filter((r) => r.method === 'POST' && r.url.endsWith('/verification-results'))
        .map((r) => JSON.parse(r.body) as { success: boolean; providerApplicationVersion: string }),
    close: listening.close,
  };
}
