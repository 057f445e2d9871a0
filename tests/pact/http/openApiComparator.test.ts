import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildHttpPact, REFERENCE_CONTRACT_FILE, REFERENCE_PROVIDER } from '../../../src/pact/http';
import { receiverOpenApi, type OpenApiDocument } from '../../../src/pact/http/receiverOpenApi';
import { ROOT } from '../../cli/paths';
import { defaultEngine } from '../../support/engine';

// The package's typings are ESM ("type": "module", extensionless re-exports) and do not resolve
// under node16 CommonJS resolution; its CommonJS build (dist/index.cjs) is what loads here. The
// shape below is the one of dist/src/compare/index.d.ts and dist/src/results/index.d.ts.
interface ComparatorInstance {
  compare(pact: unknown): AsyncGenerator<Result>;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports -- its typings do not resolve here (see above), so the CommonJS build is required and typed by hand
const { Comparator } = require('@pactflow/openapi-pact-comparator') as { Comparator: new (oas: unknown) => ComparatorInstance };

type Result = { code: string; type: 'error' | 'warning'; message: string; mockDetails?: { location: string } };
type PactJson = { interactions: Array<{ description: string; request: { path: string; body: { content: string } }; response: { status: number } }> };

async function compare(openApi: OpenApiDocument, pact: unknown): Promise<Result[]> {
  // The comparator annotates the document it is given: each comparison gets its own copy.
  const comparator = new Comparator(structuredClone(openApi));
  const results: Result[] = [];
  for await (const result of comparator.compare(pact)) results.push(result);
  return results;
}

const errors = (results: readonly Result[]): Result[] => results.filter((r) => r.type === 'error');
const committed = (): PactJson => JSON.parse(readFileSync(join(ROOT, REFERENCE_CONTRACT_FILE), 'utf8')) as PactJson;
const eventIndex = (pact: PactJson, requirement: string): number => pact.interactions.findIndex((i) => i.description.startsWith(`${requirement} `));

describe('receiverOpenApi + @pactflow/openapi-pact-comparator', () => {
  const { catalogue } = defaultEngine();
  const openApi = receiverOpenApi(catalogue, { provider: REFERENCE_PROVIDER });

  it('describes POST <path> with every selected event schema, the signature header and the receiver statuses', () => {
    const post = (openApi.paths as Record<string, Record<string, { parameters: Array<{ name: string }>; responses: Record<string, unknown> }>>)['/hooks/gridx']?.post;
    expect(post?.parameters.map((p) => p.name)).toEqual([catalogue.signatureHeader.name]);
    expect(Object.keys(post?.responses ?? {}).map(Number)).toEqual([200, 201, 202, 204, 401]);
    const schemas = Object.values((openApi.components as { schemas: Record<string, { properties: Record<string, { enum: unknown[] }> }> }).schemas);
    expect(schemas.map((s) => s.properties[catalogue.discriminator]?.enum)).toEqual(catalogue.types.filter((t) => !t.deprecated).map((t) => [t.type]));
  });

  it('the committed reference contract has no errors (nor warnings) against the receiver description', async () => {
    expect(await compare(openApi, committed())).toEqual([]);
  });

  it('a contract with the deprecated types has no errors against a description that includes them (and their 4xx refusals)', async () => {
    const withDeprecated = receiverOpenApi(catalogue, { includeDeprecated: true });
    const responses = Object.keys((withDeprecated.paths as Record<string, { post: { responses: object } }>)['/hooks/gridx']?.post.responses ?? {}).map(Number);
    expect(responses).toEqual(expect.arrayContaining([400, 403, 404, 409, 422]));
    expect(responses).not.toContain(408);
    expect(responses).not.toContain(410);
    expect(responses).not.toContain(429);
    const pact = buildHttpPact(catalogue, { provider: REFERENCE_PROVIDER, includeDeprecated: true });
    expect(errors(await compare(withDeprecated, pact))).toEqual([]);
    // The current-types-only description does not know the deprecated schemas.
    expect(errors(await compare(openApi, pact)).map((r) => r.code)).toContain('request.body.incompatible');
  });

  it('reports a mutated copy: wrong body type, missing required field, unknown path, unknown status', async () => {
    const pact = committed();
    const wrongType = eventIndex(pact, 'EVT-1');
    const missing = wrongType + 1;
    const unknownPath = wrongType + 2;
    const unknownStatus = eventIndex(pact, 'SIG-2');
    const at = (i: number) => {
      const interaction = pact.interactions[i];
      if (interaction === undefined) throw new Error(`the pact has no interaction ${i}`);
      return interaction;
    };
    // Bodies are their exact text (encoded "json"): the comparator parses them, as PactFlow does.
    const edit = (i: number, change: (event: Record<string, unknown>) => void): void => {
      const event = JSON.parse(at(i).request.body.content) as Record<string, unknown>;
      change(event);
      at(i).request.body.content = JSON.stringify(event);
    };
    edit(wrongType, (event) => (event.time = 12345));
    edit(missing, (event) => delete event.id);
    at(unknownPath).request.path = '/hooks/elsewhere';
    at(unknownStatus).response.status = 302;

    const found = errors(await compare(openApi, pact));
    const codesAt = (i: number) => found.filter((r) => r.mockDetails?.location.startsWith(`[root].interactions[${i}].`)).map((r) => r.code);
    expect(codesAt(wrongType)).toContain('request.body.incompatible');
    expect(codesAt(missing)).toContain('request.body.incompatible');
    expect(codesAt(unknownPath)).toEqual(['request.path-or-method.unknown']);
    expect(codesAt(unknownStatus)).toEqual(['response.status.unknown']);
    expect(new Set(found.map((r) => r.mockDetails?.location.match(/interactions\[(\d+)\]/)?.[1]))).toEqual(new Set([wrongType, missing, unknownPath, unknownStatus].map(String)));
  });
});
