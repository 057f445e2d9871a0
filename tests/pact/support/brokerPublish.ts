import type { Publication, PublishedContract } from './fakeBroker';

// `POST /contracts/publish` of the fake broker: see fakeBroker.ts for the documents it follows.

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const filledString = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

/** `POST /contracts/publish`, validated as PublishContractsSchema does: the status and body to answer. */
export function publish(base: string, body: string, publications: Publication[]): [number, unknown] {
  let params: unknown;
  try {
    params = JSON.parse(body);
  } catch {
    return [400, { error: { message: 'Request body is not valid JSON' } }];
  }
  const errors: Record<string, unknown> = {};
  if (!isObject(params)) return [400, { errors: { body: ['must be a JSON object'] } }];
  if (!filledString(params.pacticipantName)) errors.pacticipantName = ['pacticipantName is missing'];
  if (!filledString(params.pacticipantVersionNumber) || params.pacticipantVersionNumber.includes('\n'))
    errors.pacticipantVersionNumber = ['pacticipantVersionNumber is missing or not a single line'];
  if (params.tags !== undefined && (!Array.isArray(params.tags) || !params.tags.every(filledString))) errors.tags = ['tags must be an array of non-blank strings'];
  if (params.branch !== undefined && params.branch !== null && !filledString(params.branch)) errors.branch = ['branch must not be blank'];
  const contracts: PublishedContract[] = [];
  if (!Array.isArray(params.contracts) || params.contracts.length === 0) errors.contracts = ['contracts is missing'];
  else {
    params.contracts.forEach((raw: unknown, i: number) => {
      const problems = contractProblems(raw, params.pacticipantName);
      if (problems.length > 0) errors[`contracts[${i}]`] = problems;
      else contracts.push(decodeContract(raw as Json));
    });
  }
  if (Object.keys(errors).length > 0) return [400, { errors }];
  const publication: Publication = {
    pacticipantName: params.pacticipantName as string,
    pacticipantVersionNumber: params.pacticipantVersionNumber as string,
    branch: typeof params.branch === 'string' ? params.branch : undefined,
    tags: Array.isArray(params.tags) ? (params.tags as string[]) : undefined,
    buildUrl: typeof params.buildUrl === 'string' ? params.buildUrl : undefined,
    contracts,
  };
  publications.push(publication);
  return [200, publishResult(base, publication)];
}

function contractProblems(raw: unknown, pacticipantName: unknown): string[] {
  if (!isObject(raw)) return ['must be an object'];
  const problems: string[] = [];
  if (!filledString(raw.consumerName)) problems.push('consumerName is missing');
  else if (raw.consumerName !== pacticipantName) problems.push(`consumerName (${raw.consumerName}) does not match pacticipantName`);
  if (!filledString(raw.providerName)) problems.push('providerName is missing');
  if (raw.specification !== 'pact') problems.push('specification must be one of: pact');
  if (raw.contentType !== 'application/json') problems.push('contentType must be one of: application/json');
  if (raw.onConflict !== undefined && raw.onConflict !== 'overwrite' && raw.onConflict !== 'merge') problems.push('onConflict must be one of: overwrite, merge');
  if (!filledString(raw.content) || !/^[A-Za-z0-9+/]+={0,2}$/.test(raw.content)) return [...problems, 'content must be Base64'];
  let pact: unknown;
  try {
    pact = JSON.parse(Buffer.from(raw.content, 'base64').toString('utf8'));
  } catch {
    return [...problems, 'content is not valid application/json'];
  }
  const consumer = isObject(pact) && isObject(pact.consumer) ? pact.consumer.name : undefined;
  const provider = isObject(pact) && isObject(pact.provider) ? pact.provider.name : undefined;
  if (consumer !== pacticipantName) problems.push(`the consumer name in the pact (${String(consumer)}) does not match pacticipantName`);
  if (provider !== raw.providerName) problems.push(`the provider name in the pact (${String(provider)}) does not match providerName`);
  return problems;
}

function decodeContract(raw: Json): PublishedContract {
  const content = raw.content as string;
  return {
    consumerName: raw.consumerName as string,
    providerName: raw.providerName as string,
    specification: raw.specification as string,
    contentType: raw.contentType as string,
    onConflict: typeof raw.onConflict === 'string' ? raw.onConflict : undefined,
    content,
    pact: JSON.parse(Buffer.from(content, 'base64').toString('utf8')) as PublishedContract['pact'],
  };
}

/** The documented 200 answer of `POST /contracts/publish`. */
function publishResult(base: string, p: Publication): unknown {
  const pacticipantUrl = `${base}/pacticipants/${encodeURIComponent(p.pacticipantName)}`;
  const versionUrl = `${pacticipantUrl}/versions/${encodeURIComponent(p.pacticipantVersionNumber)}`;
  const labels = [p.branch !== undefined ? `with branch ${p.branch}` : '', p.tags !== undefined && p.tags.length > 0 ? `and tags ${p.tags.join(', ')}` : '']
    .filter((l) => l !== '')
    .join(' ');
  return {
    notices: [
      { type: 'info', text: `Created ${p.pacticipantName} version ${p.pacticipantVersionNumber}${labels === '' ? '' : ` ${labels}`}` },
      ...p.contracts.map((c) => ({
        type: 'success',
        text: `Pact successfully published for ${c.consumerName} version ${p.pacticipantVersionNumber} and provider ${c.providerName}.`,
      })),
    ],
    logs: [{ level: 'info', message: `Created ${p.pacticipantName} version ${p.pacticipantVersionNumber}`, deprecationWarning: '' }],
    _embedded: {
      pacticipant: { name: p.pacticipantName, _links: { self: { href: pacticipantUrl } } },
      version: {
        number: p.pacticipantVersionNumber,
        ...(p.branch !== undefined ? { branch: p.branch } : {}),
        ...(p.buildUrl !== undefined ? { buildUrl: p.buildUrl } : {}),
        _links: { self: { title: 'Version', name: p.pacticipantVersionNumber, href: versionUrl } },
      },
    },
    _links: {
      'pb:pacticipant': { title: 'Pacticipant', name: p.pacticipantName, href: pacticipantUrl },
      'pb:pacticipant-version': { title: 'Pacticipant version', name: p.pacticipantVersionNumber, href: versionUrl },
      'pb:pacticipant-version-tags': (p.tags ?? []).map((tag) => ({ title: 'Tag', name: tag, href: `${versionUrl}/tags/${encodeURIComponent(tag)}` })),
      'pb:contracts': p.contracts.map((c) => ({
        title: 'Pact',
        name: `Pact between ${c.consumerName} (${p.pacticipantVersionNumber}) and ${c.providerName}`,
        href: `${base}/pacts/provider/${encodeURIComponent(c.providerName)}/consumer/${encodeURIComponent(c.consumerName)}/version/${encodeURIComponent(p.pacticipantVersionNumber)}`,
      })),
    },
  };
}
