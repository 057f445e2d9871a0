import { selectEventTypes } from '../../schemas/selectEventTypes';
import { UsageError } from '../../errors';
import type { EventCatalogue } from '../../schemas/catalogue';
import { SIGNATURE_HEADER_PATTERN } from '../../contract/signatureHeaderPattern';
import { eventInteractions } from './eventInteractions';
import type { ContractVariant, HttpPact } from './HttpPact';
import { VERSION } from '../../version';
import { EXAMPLE_SECRET, httpInteraction, type RequestTarget } from './httpInteraction';
import { portablePattern } from '../regexes';
import { signatureInteractions } from './signatureInteractions';
import { toleranceInteractions } from './toleranceInteractions';

export const DEFAULT_CONSUMER = 'gridx-webhooks';
export const DEFAULT_PATH = '/hooks/gridx';
/** Seed of the example bodies: changing it rewrites every generated contract. */
export const HTTP_PACT_SEED = 20261125;

/** Options of {@link buildHttpPact}. */
export interface HttpPactOptions {
  /** The receiver's name in the Pact Broker. */
  readonly provider: string;
  /** Default "gridx-webhooks". */
  readonly consumer?: string;
  /** Path (and query) gridX posts to, exactly as registered. Default "/hooks/gridx". */
  readonly path?: string;
  /**
   * Only these event types (the ones the receiver subscribes to), deprecated ones included when
   * named. Default: every type that is not deprecated.
   */
  readonly types?: readonly string[];
  /**
   * Without `types`: also the deprecated types (default false). A deprecated type gets an EVT-5
   * interaction: accepted, or refused with a 4xx that gridX does not retry.
   */
  readonly includeDeprecated?: boolean;
  /** Seed of the example bodies (default HTTP_PACT_SEED). */
  readonly seed?: number;
  /** `pact-js`: leave out SIG-8, which pact-js's Verifier cannot send byte for byte (default `all`). */
  readonly for?: ContractVariant;
}

/**
 * The HTTP contract between gridX (consumer) and a webhook receiver (provider) as a Pact V4 file:
 * an EVT-1 interaction per selected event type (EVT-5 for a deprecated one), an EVT-2 one per
 * current type, one EVT-3, then SIG-2, SIG-3, SIG-4, SIG-6 and SIG-8. Every body is written as its
 * exact bytes (see `exactBody`), so any Pact verifier can check the contract. Pure and deterministic: the same spec and options give the same pact.
 * Throws UsageError for bad names or path, UnknownEventTypeError for an unknown type.
 */
export function buildHttpPact(catalogue: EventCatalogue, options: HttpPactOptions): HttpPact {
  const consumer = pacticipantName('consumer', options.consumer ?? DEFAULT_CONSUMER);
  const provider = pacticipantName('provider', options.provider);
  const seed = options.seed ?? HTTP_PACT_SEED;
  const header = catalogue.signatureHeader.name;
  const target = requestTarget(options.path ?? DEFAULT_PATH, catalogue);
  const types = selectEventTypes(catalogue, options);
  const current = types.filter((t) => !t.deprecated);
  const forSignatures = current[0] ?? types[0];
  if (forSignatures === undefined) throw new UsageError('no event type selected');
  const variant = options.for ?? 'all';
  const signatures = signatureInteractions(forSignatures, seed, header).filter((spec) => variant === 'all' || spec.requirement !== 'SIG-8');
  const specs = [...eventInteractions(types, seed, header), ...toleranceInteractions(current, current[0], seed, header), ...signatures];
  return {
    consumer: { name: consumer },
    provider: { name: provider },
    interactions: specs.map((spec) => httpInteraction(spec, target)),
    metadata: {
      pactSpecification: { version: '4.0' },
      hookproof: {
        version: VERSION,
        specSha256: catalogue.spec.sha256,
        seed,
        exampleSecret: EXAMPLE_SECRET,
        options: { path: options.path ?? DEFAULT_PATH, types: types.map((t) => t.type), includeDeprecated: options.includeDeprecated === true, for: variant },
      },
    },
  };
}

function requestTarget(pathAndQuery: string, catalogue: EventCatalogue): RequestTarget {
  if (!pathAndQuery.startsWith('/') || pathAndQuery.includes('#') || /\s/.test(pathAndQuery)) {
    throw new UsageError(`--path must be an absolute path such as /hooks/gridx (optionally with ?query), got "${pathAndQuery}"`);
  }
  const at = pathAndQuery.indexOf('?');
  const path = at === -1 ? pathAndQuery : pathAndQuery.slice(0, at);
  const query: Record<string, string[]> = {};
  if (at !== -1) for (const [key, value] of new URLSearchParams(pathAndQuery.slice(at + 1))) (query[key] ??= []).push(value);
  const pattern = catalogue.signatureHeader.pattern;
  return {
    path,
    ...(Object.keys(query).length > 0 ? { query } : {}),
    mediaType: catalogue.mediaType,
    signaturePattern: (pattern !== undefined ? portablePattern(pattern) : undefined) ?? SIGNATURE_HEADER_PATTERN,
  };
}

function pacticipantName(role: string, name: string): string {
  // The name becomes part of the file name and of Pact Broker URLs.
  if (name.trim() === '' || /[/\\\p{Cc}]/u.test(name)) throw new UsageError(`--${role} must be a non-empty name without slashes or control characters, got "${name}"`);
  return name;
}
