import { selectEventTypes } from '../../schemas/selectEventTypes';
import { classifyStatus } from '../../contract/classifyStatus';
import { UsageError } from '../../errors';
import type { EventCatalogue, EventType } from '../../schemas/catalogue';
import { SIGNATURE_HEADER_PATTERN } from '../../contract/signatureHeaderPattern';
import { isSchemaObject, type SchemaObject } from '../../spec/types';
import { portablePattern } from '../regexes';
import { DEFAULT_PATH, type HttpPactOptions } from './buildHttpPact';
import { acceptedOrRefusedStatuses, successStatuses } from './statusRules';

/** An OpenAPI 3.0 document as plain data (what `Comparator` from @pactflow/openapi-pact-comparator takes). */
export type OpenApiDocument = { readonly openapi: '3.0.3'; readonly [key: string]: unknown };

/** Options of {@link receiverOpenApi}: the same selection as the contract it is compared with. */
export type ReceiverOpenApiOptions = Partial<Pick<HttpPactOptions, 'provider' | 'path' | 'types' | 'includeDeprecated'>>;

/** The status gridX's SIG-2..SIG-7 requirements expect for a forged or unsigned request. */
const UNAUTHENTICATED = 401;

/**
 * An OpenAPI 3.0 description of a webhook receiver, built from the (errata-corrected) spec the
 * catalogue was made from: `POST <path>` whose body is one of the selected event types (each its
 * flat schema, its discriminator pinned to its own type), the signature header with the spec's
 * grammar, and the statuses a receiver may answer: gridX's success statuses, 401 (empty) for an
 * unauthenticated request, and, when a deprecated type is selected, the 4xx statuses gridX reads
 * as permanent (EVT-5). Nothing here knows today's type names.
 *
 * The signature header is declared optional: a receiver must take a request without it and answer
 * 401 (SIG-2), so the description of what it receives cannot require it.
 */
export function receiverOpenApi(catalogue: EventCatalogue, options: ReceiverOpenApiOptions = {}): OpenApiDocument {
  const { path, query } = splitTarget(options.path ?? DEFAULT_PATH);
  const types = selectEventTypes(catalogue, options);
  const header = catalogue.signatureHeader;
  const pattern = (header.pattern !== undefined ? portablePattern(header.pattern) : undefined) ?? SIGNATURE_HEADER_PATTERN;
  // One component per event type: several types may share a spec schema (told apart by the discriminator).
  const components = namedComponents(types);
  const schemas = Object.fromEntries(components.map(({ name, type }) => [name, toOpenApiSchema(type.schema)] as const));
  const refs = components.map(({ name }) => ({ $ref: `#/components/schemas/${name}` }));
  return {
    openapi: '3.0.3',
    info: {
      title: options.provider ?? 'gridX webhook receiver',
      version: catalogue.spec.sha256.slice(0, 12),
      description: `The receiving end of gridX webhooks, derived from ${catalogue.spec.path} (sha256 ${catalogue.spec.sha256}).`,
    },
    paths: {
      [path]: {
        post: {
          operationId: 'receiveWebhookEvent',
          parameters: [
            {
              name: header.name,
              in: 'header',
              required: false,
              description: `HMAC digest(s) of the body. A request without it, or with no digest made with the receiver's secret, is answered with ${UNAUTHENTICATED}.`,
              schema: { type: 'string', pattern },
            },
            ...Object.entries(query).map(([name, values]) => ({ name, in: 'query', required: true, schema: { type: 'string', enum: [...new Set(values)] } })),
          ],
          requestBody: {
            required: true,
            content: {
              [catalogue.mediaType]: {
                // Each member pins the discriminator to its own type, so exactly one matches a valid event.
                schema: refs.length === 1 ? refs[0] : { oneOf: refs, discriminator: { propertyName: catalogue.discriminator } },
              },
            },
          },
          responses: responses(types.some((t) => t.deprecated)),
        },
      },
    },
    components: { schemas },
  };
}

function responses(deprecated: boolean): Record<string, { description: string }> {
  const out: Record<string, { description: string }> = {};
  for (const status of successStatuses()) out[status] = { description: 'The event was accepted (gridX reads this status as success; the body is ignored).' };
  out[UNAUTHENTICATED] = { description: "The signature is missing or matches none of the receiver's secrets. Empty body." };
  if (deprecated) {
    for (const status of acceptedOrRefusedStatuses()) {
      if (classifyStatus(status) !== 'success' && out[status] === undefined) {
        out[status] = { description: 'A deprecated event type is refused permanently (gridX does not retry it).' };
      }
    }
  }
  return out;
}

/** Component names (`^[A-Za-z0-9._-]+$`, unique) for the event types: `<SpecSchema>_<type>`. */
function namedComponents(types: readonly EventType[]): Array<{ readonly name: string; readonly type: EventType }> {
  const used = new Set<string>();
  return types.map((t) => {
    const base = `${t.schemaName}_${t.type}`.replace(/[^A-Za-z0-9._-]/g, '_');
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base}_${n}`;
    used.add(name);
    return { name, type: t };
  });
}

function splitTarget(pathAndQuery: string): { path: string; query: Record<string, string[]> } {
  if (!pathAndQuery.startsWith('/')) throw new UsageError(`path must be absolute, got "${pathAndQuery}"`);
  const at = pathAndQuery.indexOf('?');
  const query: Record<string, string[]> = {};
  if (at !== -1) for (const [key, value] of new URLSearchParams(pathAndQuery.slice(at + 1))) (query[key] ??= []).push(value);
  return { path: at === -1 ? pathAndQuery : pathAndQuery.slice(0, at), query };
}

/**
 * A catalogue schema (draft-07) back in OpenAPI 3.0's dialect: no `$schema`/`$id`, `const` as a
 * one-value enum, a `null` type as `nullable`, `examples` as `example`.
 */
function toOpenApiSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(toOpenApiSchema);
  if (!isSchemaObject(schema)) return schema;
  const out: SchemaObject = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === '$schema' || key === '$id') continue;
    if (key === 'const') out.enum = [value];
    else if (key === 'examples') {
      if (Array.isArray(value) && value.length > 0) out.example = value[0];
    } else if (key === 'properties' && isSchemaObject(value)) {
      out.properties = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, toOpenApiSchema(sub)]));
    } else if (key === 'enum' || key === 'default' || key === 'required') out[key] = value;
    else out[key] = toOpenApiSchema(value);
  }
  const declared: unknown = out.type;
  if (Array.isArray(declared)) {
    const types = (declared as readonly unknown[]).filter((t) => t !== 'null');
    if (types.length < declared.length) out.nullable = true;
    if (types.length === 1) out.type = types[0];
    else {
      delete out.type;
      out.anyOf = types.map((type) => ({ type }));
    }
  }
  return out;
}
