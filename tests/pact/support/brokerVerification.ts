import type { MatrixEntry, Publication } from './fakeBroker';

/*
 * The fake broker's provider-verification resources, as the Pact Broker documents them ("Pacts for
 * verification", "Publishing verification results"), for the recipe test that runs a whole CI job:
 *
 * - `POST /pacts/provider/{p}/for-verification`: `consumerVersionSelectors` (mainBranch,
 *   matchingBranch with `providerVersionBranch`, branch), `includePendingStatus`; lists the latest
 *   pact of each selected consumer branch under `_embedded.pacts[]`, pending when pending status is
 *   asked for and this provider has never verified that pact content successfully;
 * - the pact itself is served by fakeBroker.ts (`heldPact`), with `pb:provider` and
 *   `pb:publish-verification-results` links;
 * - `GET /pacticipants/{p}`: templated `pb:branch-version` and `pb:version-tag`, whose PUTs answer 200;
 * - `POST …/verification-results`: recorded; the matrix then holds the result for both versions in
 *   every environment the broker knows (a simplification of the real matrix, which compares with
 *   what is deployed there: enough for a gate that must see a failed verification).
 */

/** A verification result the broker recorded. */
export interface RecordedResult {
  readonly consumer: string;
  readonly consumerVersion: string;
  readonly provider: string;
  readonly providerVersion: string;
  readonly success: boolean;
}

interface Selector {
  readonly mainBranch?: boolean;
  readonly matchingBranch?: boolean;
  readonly branch?: string;
}

/** Answers a verification request, or undefined when the path is not one of these resources. */
export function verification(
  base: string,
  method: string,
  path: string,
  body: string,
  state: { publications: readonly Publication[]; results: RecordedResult[]; matrix: MatrixEntry[]; environments: readonly string[] },
): [number, unknown] | undefined {
  const forVerification = /^\/pacts\/provider\/([^/]+)\/for-verification$/.exec(path);
  if (method === 'POST' && forVerification !== null) {
    const provider = decodeURIComponent(forVerification[1] ?? '');
    const params = JSON.parse(body) as { consumerVersionSelectors?: Selector[]; includePendingStatus?: boolean; providerVersionBranch?: string };
    const branches = (params.consumerVersionSelectors ?? []).flatMap((s) =>
      s.mainBranch === true
        ? ['main']
        : s.matchingBranch === true && params.providerVersionBranch !== undefined
          ? [params.providerVersionBranch]
          : s.branch !== undefined
            ? [s.branch]
            : [],
    );
    const latest = new Map<string, { consumer: string; version: string; branch: string; content: string }>();
    for (const publication of state.publications) {
      if (publication.branch === undefined || !branches.includes(publication.branch)) continue;
      for (const c of publication.contracts.filter((c) => c.providerName === provider)) {
        latest.set(`${c.consumerName}|${publication.branch}`, {
          consumer: c.consumerName,
          version: publication.pacticipantVersionNumber,
          branch: publication.branch,
          content: c.content,
        });
      }
    }
    const unique = [...new Map([...latest.values()].map((p) => [`${p.consumer}|${p.version}`, p])).values()];
    const verifiedOk = (p: { consumer: string; version: string }): boolean =>
      state.results.some((r) => r.success && r.provider === provider && r.consumer === p.consumer && r.consumerVersion === p.version);
    return [
      200,
      {
        _embedded: {
          pacts: unique.map((p) => ({
            shortDescription: `latest from ${p.branch}`,
            verificationProperties: { pending: params.includePendingStatus === true && !verifiedOk(p), notices: [] },
            _links: {
              self: { href: `${base}/pacts/provider/${encodeURIComponent(provider)}/consumer/${encodeURIComponent(p.consumer)}/version/${encodeURIComponent(p.version)}` },
            },
          })),
        },
      },
    ];
  }
  const results = /^\/pacts\/provider\/([^/]+)\/consumer\/([^/]+)\/version\/([^/]+)\/verification-results$/.exec(path);
  if (method === 'POST' && results !== null) {
    const [provider, consumer, consumerVersion] = [results[1], results[2], results[3]].map((p) => decodeURIComponent(p ?? ''));
    const params = JSON.parse(body) as { success?: unknown; providerApplicationVersion?: unknown };
    if (typeof params.success !== 'boolean' || typeof params.providerApplicationVersion !== 'string') return [400, { errors: { success: ['is missing'] } }];
    const result: RecordedResult = {
      consumer: consumer ?? '',
      consumerVersion: consumerVersion ?? '',
      provider: provider ?? '',
      providerVersion: params.providerApplicationVersion,
      success: params.success,
    };
    state.results.push(result);
    for (const environment of state.environments) {
      const verified = result.success;
      state.matrix.unshift(
        {
          pacticipant: result.provider,
          version: result.providerVersion,
          environment,
          deployable: verified,
          provider: { name: result.consumer, version: result.consumerVersion },
          verified,
        },
        {
          pacticipant: result.consumer,
          version: result.consumerVersion,
          environment,
          deployable: verified,
          provider: { name: result.provider, version: result.providerVersion },
          verified,
        },
      );
    }
    return [201, { success: result.success, _links: { self: { href: `${base}${path}/1` } } }];
  }
  const pacticipant = /^\/pacticipants\/([^/]+)$/.exec(path);
  if (method === 'GET' && pacticipant !== null) {
    const p = pacticipant[1] ?? '';
    return [
      200,
      {
        name: decodeURIComponent(p),
        _links: {
          'pb:branch-version': { href: `${base}/pacticipants/${p}/branches/{branch}/versions/{version}`, templated: true },
          'pb:version-tag': { href: `${base}/pacticipants/${p}/versions/{version}/tags/{tag}`, templated: true },
        },
      },
    ];
  }
  if (method === 'PUT' && /^\/pacticipants\/[^/]+\/(branches\/[^/]+\/versions\/[^/]+|versions\/[^/]+\/tags\/[^/]+)$/.test(path))
    return [200, { _links: { self: { href: `${base}${path}` } } }];
  return undefined;
}
