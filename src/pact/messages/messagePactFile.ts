import { readFileSync, statSync } from 'node:fs';
import { InputUnreadableError } from '../../errors';
import { isSchemaObject } from '../../spec/types';
import { PactFileInvalidError } from '../../errors';

/** One matcher of a Pact matching rule, as the pact file holds it (`{ "match": "regex", "regex": … }`). */
export interface RuleMatcher {
  readonly match: string;
  readonly [option: string]: unknown;
}

/** The matching rule for one path of the message body (`$.data.state`). */
export interface MatchingRule {
  readonly path: string;
  readonly combine: 'AND' | 'OR';
  readonly matchers: readonly RuleMatcher[];
}

/** One asynchronous message of a pact: what the receiver expects to be sent. */
export interface PactMessage {
  readonly description: string;
  readonly providerStates: readonly string[];
  /** The parsed JSON body; undefined when the body is not JSON (`contentIssue` says why). */
  readonly content: unknown;
  readonly contentIssue: string | undefined;
  readonly rules: readonly MatchingRule[];
  /** The content types the message declares: its contents' `contentType` and its metadata's. */
  readonly contentTypes: readonly string[];
}

/** A message pact file, reduced to what the sender's side verifies. */
export interface MessagePact {
  readonly path: string;
  readonly consumer: string;
  readonly provider: string;
  /** The pact specification version, e.g. "4.0". */
  readonly specification: string;
  readonly messages: readonly PactMessage[];
  /** Interactions that are not asynchronous messages (HTTP, synchronous messages): not verified here. */
  readonly skipped: ReadonlyArray<{ readonly description: string; readonly type: string }>;
}

/** A pact of every gridX event type with examples is tens of KB; far larger is not a contract. */
export const MAX_PACT_FILE_BYTES = 8 * 1024 * 1024;

/** Reads a pact file; throws InputUnreadableError or PactFileInvalidError (both exit 2 in the CLI). */
export function readMessagePact(path: string): MessagePact {
  let text: string;
  try {
    if (statSync(path).size > MAX_PACT_FILE_BYTES) throw new PactFileInvalidError(path, `is larger than ${MAX_PACT_FILE_BYTES / 1024 / 1024} MiB: not a contract hookproof reads`);
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (error instanceof PactFileInvalidError) throw error;
    throw new InputUnreadableError(path, error);
  }
  return parseMessagePact(text, path);
}

/**
 * Parses a V4 pact's `Asynchronous/Messages` interactions (or a V3 message pact's `messages`).
 * Throws PactFileInvalidError when the text is not JSON, not a pact, or holds no messages.
 */
export function parseMessagePact(text: string, path: string): MessagePact {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    throw new PactFileInvalidError(path, 'is not a pact file: it is not JSON');
  }
  if (!isSchemaObject(document)) throw new PactFileInvalidError(path, 'is not a pact file: it is not a JSON object');
  const consumer = nameOf(document.consumer);
  const provider = nameOf(document.provider);
  const interactions = Array.isArray(document.interactions) ? (document.interactions as unknown[]) : undefined;
  const v3Messages = Array.isArray(document.messages) ? (document.messages as unknown[]) : undefined;
  if (consumer === undefined || provider === undefined || (interactions === undefined && v3Messages === undefined)) {
    throw new PactFileInvalidError(path, 'is not a pact file: it needs consumer.name, provider.name and interactions');
  }
  const specification = specificationOf(document.metadata) ?? (v3Messages !== undefined ? '3.0.0' : 'unknown');
  const messages: PactMessage[] = [];
  const skipped: Array<{ description: string; type: string }> = [];
  for (const raw of v3Messages ?? []) if (isSchemaObject(raw)) messages.push(v3Message(raw));
  for (const raw of interactions ?? []) {
    if (!isSchemaObject(raw)) continue;
    const type = typeof raw.type === 'string' ? raw.type : 'Synchronous/HTTP';
    if (type === 'Asynchronous/Messages') messages.push(v4Message(raw));
    else skipped.push({ description: textOf(raw.description), type });
  }
  if (messages.length === 0) {
    const kinds = [...new Set(skipped.map((s) => s.type))].join(', ');
    throw new PactFileInvalidError(path, `is not a message pact: it has no asynchronous message interactions${kinds === '' ? '' : ` (only ${kinds})`}`);
  }
  return { path, consumer, provider, specification, messages, skipped };
}

/** A free-form field of the pact file as text: absent is empty, a JSON object or array is shown as JSON (not "[object Object]"). */
function textOf(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function nameOf(party: unknown): string | undefined {
  return isSchemaObject(party) && typeof party.name === 'string' && party.name !== '' ? party.name : undefined;
}

function specificationOf(metadata: unknown): string | undefined {
  if (!isSchemaObject(metadata)) return undefined;
  const spec = metadata.pactSpecification ?? metadata['pact-specification'];
  return isSchemaObject(spec) && typeof spec.version === 'string' ? spec.version : undefined;
}

function v4Message(raw: Record<string, unknown>): PactMessage {
  const contents = isSchemaObject(raw.contents) ? raw.contents : {};
  const { content, issue } = decodeContents(contents);
  const contentTypes = [...(typeof contents.contentType === 'string' ? [contents.contentType] : []), ...metadataContentTypes(raw.metadata)];
  return { description: textOf(raw.description), providerStates: statesOf(raw.providerStates), content, contentIssue: issue, rules: bodyRules(raw.matchingRules), contentTypes };
}

/** The content type a message's metadata declares (`contentType`, `content-type`, any case). */
function metadataContentTypes(metadata: unknown): string[] {
  if (!isSchemaObject(metadata)) return [];
  return Object.entries(metadata).flatMap(([key, value]) => (/^content-?type$/i.test(key) && typeof value === 'string' ? [value] : []));
}

function v3Message(raw: Record<string, unknown>): PactMessage {
  const states = raw.providerStates ?? (typeof raw.providerState === 'string' ? [{ name: raw.providerState }] : []);
  return {
    description: textOf(raw.description),
    providerStates: statesOf(states),
    content: raw.contents,
    contentIssue: undefined,
    rules: bodyRules(raw.matchingRules),
    contentTypes: metadataContentTypes(raw.metaData ?? raw.metadata),
  };
}

/** V4 message contents: `{ content, contentType, encoded }`, where `encoded` is false, "json" or "base64". */
function decodeContents(contents: Record<string, unknown>): { content: unknown; issue: string | undefined } {
  const contentType = typeof contents.contentType === 'string' ? contents.contentType : 'application/json';
  if (!/[/+]json\b/i.test(contentType)) return { content: undefined, issue: `the message body is ${contentType}, not JSON` };
  const encoded = contents.encoded ?? false;
  if (encoded === false) return { content: contents.content, issue: undefined };
  if (typeof contents.content !== 'string') return { content: undefined, issue: `the message body is marked encoded (${textOf(encoded)}) but is not a string` };
  const text = encoded === 'base64' ? Buffer.from(contents.content, 'base64').toString('utf8') : contents.content;
  try {
    return { content: JSON.parse(text) as unknown, issue: undefined };
  } catch {
    return { content: undefined, issue: 'the message body is not valid JSON' };
  }
}

function statesOf(states: unknown): string[] {
  if (!Array.isArray(states)) return [];
  return states.flatMap((s: unknown) => (isSchemaObject(s) && typeof s.name === 'string' ? [s.name] : []));
}

/** The `matchingRules.body` category: `{ "$.path": { combine, matchers: [...] } }`. */
function bodyRules(matchingRules: unknown): MatchingRule[] {
  if (!isSchemaObject(matchingRules) || !isSchemaObject(matchingRules.body)) return [];
  return Object.entries(matchingRules.body).flatMap(([path, rule]): MatchingRule[] => {
    if (!isSchemaObject(rule) || !Array.isArray(rule.matchers)) return [];
    const matchers = (rule.matchers as unknown[]).filter(isSchemaObject).map((m): RuleMatcher => ({ ...m, match: typeof m.match === 'string' ? m.match : 'type' }));
    return [{ path, combine: rule.combine === 'OR' ? 'OR' : 'AND', matchers }];
  });
}
