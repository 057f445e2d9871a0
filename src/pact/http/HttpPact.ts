/**
 * The subset of the Pact V4 file format that hookproof writes for the HTTP contract: gridX (the
 * consumer) POSTs one event to the receiver (the provider), which answers with a status. Plain
 * data, serialised as is; the key order of these objects is the key order of the file.
 */
export interface HttpPact {
  readonly consumer: { readonly name: string };
  readonly provider: { readonly name: string };
  readonly interactions: readonly HttpInteraction[];
  readonly metadata: HttpPactMetadata;
}

export interface HttpPactMetadata {
  readonly pactSpecification: { readonly version: '4.0' };
  /** What the file was generated from, so a reviewer can tell why it changed. */
  readonly hookproof: {
    /** The hookproof version that generated the file: another version may write other bytes. */
    readonly version: string;
    /** SHA-256 of the spec file the contract was generated from. */
    readonly specSha256: string;
    /** Seed of the example bodies. */
    readonly seed: number;
    /** The public placeholder secret the example `X-Signature` values are computed with. */
    readonly exampleSecret: string;
    /** The generation options, so the same inputs can be told from different ones. */
    readonly options: {
      readonly path: string;
      /** The event types selected, in catalogue order. */
      readonly types: readonly string[];
      readonly includeDeprecated: boolean;
      /** Which verifiers the variant is for: `all` (default) or `pact-js` (without SIG-8). */
      readonly for: ContractVariant;
    };
  };
}

/**
 * `all`: every interaction, for verifiers that send bodies byte for byte. `pact-js`: without SIG-8,
 * whose unusual layout pact-js's Verifier proxy re-serialises (see README, "Which verifier checks what").
 */
export type ContractVariant = 'all' | 'pact-js';

/** One V4 `Synchronous/HTTP` interaction. */
export interface HttpInteraction {
  readonly type: 'Synchronous/HTTP';
  /** Starts with the requirement ID, e.g. "SIG-2 a request without X-Signature is rejected with 401". */
  readonly description: string;
  readonly providerStates: readonly PactProviderState[];
  readonly comments: { readonly text: readonly string[] };
  readonly request: HttpPactRequest;
  readonly response: HttpPactResponse;
}

/** A provider state: its name says what the verifier must do, its params how. */
export interface PactProviderState {
  readonly name: string;
  readonly params: Readonly<Record<string, string | number>>;
}

export interface HttpPactRequest {
  readonly method: 'POST';
  readonly path: string;
  readonly query?: Readonly<Record<string, readonly string[]>>;
  readonly headers: Readonly<Record<string, readonly string[]>>;
  readonly body: HttpPactBody;
  readonly matchingRules: {
    readonly body: MatchingRules;
    readonly header?: MatchingRules;
  };
}

/**
 * A request body written as its exact text (`encoded: "json"`): every Pact verifier sends these
 * bytes unchanged, so the example signature matches them (see `exactBody`).
 */
export interface HttpPactBody {
  /** The body's exact text, JSON itself. */
  readonly content: string;
  readonly contentType: string;
  readonly encoded: 'json';
}

export interface HttpPactResponse {
  /** The example status; `matchingRules.status`, when present, says which statuses pass. */
  readonly status: number;
  /** Keyed by the empty path, as the Pact core itself writes status rules. */
  readonly matchingRules?: { readonly status: { readonly '': RuleList } };
}

/** Matching rules of one category, by path (`$.data.systemID`) or header name. */
export type MatchingRules = Readonly<Record<string, RuleList>>;

export interface RuleList {
  readonly combine: 'AND' | 'OR';
  readonly matchers: readonly PactMatcher[];
}

/** The Pact matchers hookproof uses, as the Pact core reads them. */
export type PactMatcher =
  | { readonly match: 'regex'; readonly regex: string }
  | { readonly match: 'type'; readonly min?: number; readonly max?: number }
  | { readonly match: 'integer' }
  | { readonly match: 'number' }
  | { readonly match: 'null' }
  | { readonly match: 'statusCode'; readonly status: readonly number[] };
