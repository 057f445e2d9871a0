import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import { sortKeys } from '../../../src/serialise/sortKeys';
import { listen } from '../../support/servers';
import { matrix } from './brokerMatrix';
import { publish } from './brokerPublish';
import { deployments, ENVIRONMENTS, type RecordedDeployment } from './brokerDeployments';
import { verification, type RecordedResult } from './brokerVerification';

/*
 * A stand-in Pact Broker on 127.0.0.1 for the tests of `pact publish` and `pact can-i-deploy`.
 *
 * No real broker can run on these machines (the Pact Broker needs Docker or Ruby gems), so this
 * implements exactly the documented endpoints the real Rust Pact CLI (`pact broker …`, from
 * @pact-foundation/pact-cli) calls, and nothing else; every other path answers 404 as the broker does
 * for an unknown resource. The requests below are what that CLI was seen to send (every request is
 * recorded in `requests`, so a test can show them):
 *
 * - `GET /`: the HAL index. The Pact Broker docs ("Publish Contracts", pact_broker
 *   lib/pact_broker/doc/views/index/publish-contracts.markdown) tell clients to find the
 *   `pb:publish-contracts` relation here and POST to its href; the CLI does exactly that.
 *
 * - `POST /contracts/publish`: the body the same page documents: `pacticipantName`,
 *   `pacticipantVersionNumber`, optional `branch`, `tags` and `buildUrl`, and `contracts[]` of
 *   `consumerName`, `providerName`, `specification` ("pact"), `contentType` ("application/json") and
 *   `content` (the pact, Base64-encoded), plus `onConflict` ("overwrite" | "merge"), which the docs'
 *   prose calls `writeMode` but the broker's request schema (PublishContractsSchema) names
 *   `onConflict`, as the CLI sends it. Validation follows that schema, cross-field checks included
 *   (consumerName equals pacticipantName and the consumer inside the content; providerName equals
 *   the provider inside the content; the content decodes to JSON); a violation is a 400 with the
 *   broker's `{ "errors": { field: [message] } }`. The 200 answer has the documented shape: `logs`,
 *   `_embedded.pacticipant`, `_embedded.version`, and `_links` `pb:pacticipant`,
 *   `pb:pacticipant-version`, `pb:pacticipant-version-tags`, `pb:contracts`, plus the `notices`
 *   (`{type, text}`) that current brokers add for CLIs to print.
 *
 * - `GET /matrix?q[][pacticipant]=P&q[][version]=V&latestby=cvpv&environment=E`: the matrix
 *   ("Matrix" and "Can I Deploy" docs, lib/pact_broker/doc/views/matrix.markdown and
 *   can-i-deploy.markdown). The CLI goes straight to this path without reading the index. The answer
 *   has the MatrixDecorator's shape: `summary` {deployable, reason, success, failed, unknown},
 *   `notices`, and `matrix` rows of consumer/provider {name, version {number}}, `pact` and
 *   `verificationResult` {success, verifiedAt, _links.self} (null when unverified).
 *
 * - Deployments and releases: see brokerDeployments.ts.
 *
 * Authentication is HTTP Bearer (PactFlow tokens) or Basic, as the broker takes them; with
 * credentials configured, anything else is a 401.
 */

/** One HTTP request the fake broker received. */
export interface RecordedBrokerRequest {
  readonly method: string;
  /** Path and query exactly as sent, e.g. `/matrix?q[][pacticipant]=acme&…`. */
  readonly url: string;
  readonly path: string;
  /** Query parameters in order, names undecoded-bracket style (`q[][pacticipant]`). */
  readonly query: ReadonlyArray<readonly [string, string]>;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** A contract as published, with its content decoded from Base64 and parsed. */
export interface PublishedContract {
  readonly consumerName: string;
  readonly providerName: string;
  readonly specification: string;
  readonly contentType: string;
  readonly onConflict: string | undefined;
  readonly content: string;
  readonly pact: { readonly consumer: { readonly name: string }; readonly provider: { readonly name: string }; readonly [key: string]: unknown };
}

/** A `POST /contracts/publish` the broker accepted. */
export interface Publication {
  readonly pacticipantName: string;
  readonly pacticipantVersionNumber: string;
  readonly branch: string | undefined;
  readonly tags: readonly string[] | undefined;
  readonly buildUrl: string | undefined;
  readonly contracts: readonly PublishedContract[];
}

/** What a matrix query answers for one pacticipant version and environment. */
export interface MatrixEntry {
  readonly pacticipant: string;
  readonly version: string;
  readonly environment: string;
  readonly deployable: boolean;
  /** The integrated application and its version deployed in the environment. */
  readonly provider: { readonly name: string; readonly version: string };
  /** The verification result of the pact between them; undefined: not verified yet. */
  readonly verified: boolean | undefined;
}

export interface FakeBrokerOptions {
  /** Accept only `Authorization: Bearer <token>`. */
  readonly token?: string;
  /** Accept only Basic auth with this login. */
  readonly basic?: { readonly username: string; readonly password: string };
  /** The matrix's content: which versions are deployable to which environments. */
  readonly matrix?: readonly MatrixEntry[];
  /**
   * How the broker serves a published pact back (`GET /pacts/provider/P/consumer/C/version/V`):
   * `relaid` (default) as a Pact Broker does, parsed and written out again its own way (keys
   * sorted, no indentation) with `_links` and interaction `_id`s added; `bodies-parsed` also turns
   * every exact-text body into JSON data, as the Pact CLI's re-serialising upload left it.
   */
  readonly copy?: 'relaid' | 'bodies-parsed';
  /** Pacticipant versions the broker knows besides those published, verified or in the matrix. */
  readonly versions?: ReadonlyArray<{ readonly pacticipant: string; readonly version: string }>;
}

export interface FakeBroker {
  readonly url: string;
  readonly requests: readonly RecordedBrokerRequest[];
  readonly publications: readonly Publication[];
  /** Deployments and releases recorded (`pact record-deployment` / `record-release`). */
  readonly deployments: readonly RecordedDeployment[];
  /** Environments created (`POST /environments`), beyond the ones it starts with. */
  readonly environments: readonly string[];
  /** Verification results published (`pact verify --publish-results`). */
  readonly results: readonly RecordedResult[];
  close(): Promise<void>;
}

const HAL = 'application/hal+json;charset=utf-8';

/** Starts the fake broker on 127.0.0.1 with an ephemeral port. */
export async function startFakeBroker(options: FakeBrokerOptions = {}): Promise<FakeBroker> {
  const requests: RecordedBrokerRequest[] = [];
  const publications: Publication[] = [];
  const recorded: RecordedDeployment[] = [];
  const created: string[] = [];
  const results: RecordedResult[] = [];
  const matrixEntries: MatrixEntry[] = [...(options.matrix ?? [])];
  let base = '';
  const server = createServer((req, res) => {
    void readBody(req).then((body) => {
      const url = req.url ?? '/';
      const parsed = new URL(url, base);
      requests.push({ method: req.method ?? '', url, path: parsed.pathname, query: rawQuery(url), headers: req.headers, body });
      if (!authorised(req.headers, options)) {
        send(res, 401, { error: 'Unauthorized' });
        return;
      }
      if (req.method === 'GET' && parsed.pathname === '/') {
        send(res, 200, index(base));
        return;
      }
      if (req.method === 'POST' && parsed.pathname === '/contracts/publish') {
        send(res, ...publish(base, body, publications));
        return;
      }
      if (req.method === 'GET' && parsed.pathname === '/matrix') {
        send(res, ...matrix(base, rawQuery(url), matrixEntries));
        return;
      }
      if (parsed.pathname === '/environments') {
        send(res, ...environments(base, req.method ?? '', body, created));
        return;
      }
      const verifying = verification(base, req.method ?? '', parsed.pathname, body, { publications, results, matrix: matrixEntries, environments: Object.keys(ENVIRONMENTS) });
      if (verifying !== undefined) {
        send(res, ...verifying);
        return;
      }
      const held = req.method === 'GET' ? heldPact(base, parsed.pathname, publications, options.copy ?? 'relaid') : undefined;
      if (held !== undefined) {
        send(res, 200, held);
        return;
      }
      const knows = (pacticipant: string, version: string): boolean =>
        publications.some((p) => p.pacticipantName === pacticipant && p.pacticipantVersionNumber === version) ||
        results.some((r) => (r.provider === pacticipant && r.providerVersion === version) || (r.consumer === pacticipant && r.consumerVersion === version)) ||
        matrixEntries.some((m) => (m.pacticipant === pacticipant && m.version === version) || (m.provider.name === pacticipant && m.provider.version === version)) ||
        (options.versions ?? []).some((v) => v.pacticipant === pacticipant && v.version === version);
      const deployment = deployments(base, req.method ?? '', parsed.pathname, body, recorded, knows);
      if (deployment !== undefined) {
        send(res, ...deployment);
        return;
      }
      send(res, 404, { error: `no resource at ${parsed.pathname}` });
    });
  });
  const listening = await listen(server);
  base = listening.origin;
  return { url: base, requests, publications, deployments: recorded, environments: created, results, close: () => listening.close() };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': HAL, 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function authorised(headers: IncomingHttpHeaders, options: FakeBrokerOptions): boolean {
  if (options.token === undefined && options.basic === undefined) return true;
  const given = headers.authorization ?? '';
  if (options.token !== undefined && given === `Bearer ${options.token}`) return true;
  if (options.basic !== undefined) {
    const expected = Buffer.from(`${options.basic.username}:${options.basic.password}`).toString('base64');
    if (given === `Basic ${expected}`) return true;
  }
  return false;
}

/**
 * `GET /environments` (the documented list, `_embedded.environments[]` of uuid, name, displayName,
 * production) and `POST /environments` (`{ name, displayName, production }`; a taken name is a 409).
 */
function environments(base: string, method: string, body: string, created: string[]): [number, unknown] {
  const all = [...Object.entries(ENVIRONMENTS).map(([name, uuid]) => ({ name, uuid })), ...created.map((name) => ({ name, uuid: `new-${name}` }))];
  if (method === 'GET') {
    return [
      200,
      {
        _embedded: {
          environments: all.map((e) => ({ ...e, displayName: e.name, production: e.name === 'production', _links: { self: { href: `${base}/environments/${e.uuid}` } } })),
        },
      },
    ];
  }
  const params = JSON.parse(body) as { name?: unknown; production?: unknown };
  if (typeof params.name !== 'string' || params.name === '') return [400, { errors: { name: ['name is missing'] } }];
  if (all.some((e) => e.name === params.name)) return [409, { errors: { name: [`Another environment with name '${params.name}' already exists.`] } }];
  created.push(params.name);
  return [201, { name: params.name, uuid: `new-${params.name}`, production: params.production === true }];
}

/** The pact a consumer version holds, as the broker serves it; undefined when there is none (a 404). */
function heldPact(base: string, path: string, publications: readonly Publication[], copy: 'relaid' | 'bodies-parsed'): unknown {
  const m = /^\/pacts\/provider\/([^/]+)\/consumer\/([^/]+)\/version\/([^/]+)$/.exec(path);
  if (m === null) return undefined;
  const [provider, consumer, version] = [m[1], m[2], m[3]].map((p) => decodeURIComponent(p ?? ''));
  const contract = publications
    .filter((p) => p.pacticipantVersionNumber === version)
    .flatMap((p) => p.contracts)
    .filter((c) => c.consumerName === consumer && c.providerName === provider)
    .at(-1);
  if (contract === undefined) return undefined;
  const pact = JSON.parse(Buffer.from(contract.content, 'base64').toString('utf8')) as { interactions?: Array<Record<string, unknown>> };
  const interactions = (pact.interactions ?? []).map((interaction, i) => {
    const request = interaction.request as { body?: { content?: unknown; encoded?: unknown } } | undefined;
    const body = request?.body;
    const parsedBody =
      copy === 'bodies-parsed' && typeof body?.content === 'string' && body.encoded === 'json' ? { ...body, content: JSON.parse(body.content) as unknown, encoded: false } : body;
    return sortKeys({ ...interaction, ...(request !== undefined ? { request: { ...request, body: parsedBody } } : {}), _id: `i${i}` });
  });
  return {
    ...(sortKeys({ ...pact, interactions }) as object),
    _links: {
      self: { href: `${base}${path}` },
      'pb:consumer-version': { href: `${base}/pacticipants/${encodeURIComponent(consumer ?? '')}/versions/${encodeURIComponent(version ?? '')}` },
      'pb:provider': { href: `${base}/pacticipants/${encodeURIComponent(provider ?? '')}` },
      'pb:publish-verification-results': { href: `${base}${path}/verification-results` },
    },
  };
}

/** Query parameters as sent (`q[][pacticipant]` stays as it is), values percent-decoded. */
function rawQuery(url: string): Array<[string, string]> {
  const query = url.includes('?') ? url.slice(url.indexOf('?') + 1) : '';
  return query
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const decode = (s: string): string => decodeURIComponent(s.replace(/\+/g, ' '));
      return eq < 0 ? [decode(pair), ''] : [decode(pair.slice(0, eq)), decode(pair.slice(eq + 1))];
    });
}

/** The HAL index, with the relations a Pact Broker advertises that matter here. */
function index(base: string): unknown {
  return {
    _links: {
      self: { href: base, title: 'Index', templated: false },
      'pb:publish-contracts': { href: `${base}/contracts/publish`, title: 'Publish contracts', templated: false },
      'pb:pacticipants': { href: `${base}/pacticipants`, title: 'Pacticipants', templated: false },
      'pb:environments': { href: `${base}/environments`, title: 'Environments', templated: false },
      'pb:provider-pacts-for-verification': { href: `${base}/pacts/provider/{provider}/for-verification`, title: 'Pacts to be verified by provider', templated: true },
      'pb:latest-provider-pacts': { href: `${base}/pacts/provider/{provider}/latest`, title: 'Latest pacts by provider', templated: true },
      curies: [{ name: 'pb', href: `${base}/doc/{rel}?context=index`, templated: true }],
    },
  };
}
