/*
 * The fake broker's deployment resources, as the real Rust CLI (`pact broker record-deployment` /
 * `record-release`) was seen to use them, following the Pact Broker docs ("Recording deployments
 * and releases"):
 *
 * - `GET /pacticipants/{p}/versions/{v}`: the version, with a `pb:record-deployment` and a
 *   `pb:record-release` link per environment, each `{ name, href }`; the CLI picks the one named as
 *   `--environment` (no such link: "Environment … does not exist", exit 1). A version the broker
 *   does not know (never published, verified, in the matrix or declared) is a 404, as a broker's
 *   unknown resource is;
 * - `POST …/deployed-versions/environment/{uuid}`: body `{ applicationInstance, target }` (both the
 *   `--application-instance`, when given), else `{}`;
 * - `POST …/released-versions/environment/{uuid}`: body `{}`.
 */

/** One deployment or release the broker recorded. */
export interface RecordedDeployment {
  readonly kind: 'deployment' | 'release';
  readonly pacticipant: string;
  readonly version: string;
  readonly environment: string;
  readonly body: unknown;
}

/** Environments the fake broker knows, by name. */
export const ENVIRONMENTS: Readonly<Record<string, string>> = { production: '0a1b-prod', staging: '2c3d-staging' };

const VERSION_PATH = /^\/pacticipants\/([^/]+)\/versions\/([^/]+)$/;
const RECORD_PATH = /^\/pacticipants\/([^/]+)\/versions\/([^/]+)\/(deployed|released)-versions\/environment\/([^/]+)$/;

/** Answers a deployment request, or undefined when the path is not one of these resources. */
export function deployments(
  base: string,
  method: string,
  path: string,
  body: string,
  recorded: RecordedDeployment[],
  knows: (pacticipant: string, version: string) => boolean,
): [number, unknown] | undefined {
  const version = VERSION_PATH.exec(path);
  if (method === 'GET' && version !== null) {
    const [, p = '', v = ''] = version;
    if (!knows(decodeURIComponent(p), decodeURIComponent(v))) return undefined;
    const links = (kind: 'deployed' | 'released'): unknown[] =>
      Object.entries(ENVIRONMENTS).map(([name, uuid]) => ({
        name,
        title: `Record ${kind} to ${name}`,
        href: `${base}/pacticipants/${p}/versions/${v}/${kind}-versions/environment/${uuid}`,
      }));
    return [
      200,
      { number: decodeURIComponent(v), _links: { self: { href: `${base}${path}` }, 'pb:record-deployment': links('deployed'), 'pb:record-release': links('released') } },
    ];
  }
  const record = RECORD_PATH.exec(path);
  if (method === 'POST' && record !== null) {
    const [, p = '', v = '', kind = '', uuid = ''] = record;
    const environment = Object.entries(ENVIRONMENTS).find(([, id]) => id === uuid)?.[0];
    if (environment === undefined) return [404, { error: `no environment ${uuid}` }];
    recorded.push({
      kind: kind === 'deployed' ? 'deployment' : 'release',
      pacticipant: decodeURIComponent(p),
      version: decodeURIComponent(v),
      environment,
      body: body === '' ? undefined : JSON.parse(body),
    });
    return [201, { currentlyDeployed: kind === 'deployed', _links: { self: { href: `${base}${path}/1` } } }];
  }
  return undefined;
}
