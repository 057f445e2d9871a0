import { InternalError } from '../errors';
import { gridx } from './gridx';

/** Requirement IDs of the gridX receiver contract (`receiver-contract.md`), with what each asks. */
export type RequirementId =
  | 'TLS-1'
  | 'DLV-1'
  | 'DLV-2'
  | 'DLV-3'
  | 'DLV-4'
  | 'DLV-5'
  | 'DLV-6'
  | 'DLV-7'
  | 'SIG-1'
  | 'SIG-2'
  | 'SIG-3'
  | 'SIG-4'
  | 'SIG-5'
  | 'SIG-6'
  | 'SIG-7'
  | 'SIG-8'
  | 'SIG-9'
  | 'SIG-10'
  | 'SIG-11'
  | 'SIG-12'
  | 'EVT-1'
  | 'EVT-2'
  | 'EVT-3'
  | 'EVT-4'
  | 'EVT-5'
  | 'EVT-6'
  | 'EVT-7'
  | 'GONE-1'
  | 'CAP-1'
  | 'CAP-2'
  | 'CAP-3';

/**
 * Requirement IDs of the sender's side of the contract ("The sender's side": SND-1…3), judged by
 * `hookproof listen`. Not receiver requirements: they have no entry in `REQUIREMENTS` and no
 * receiver check; only a listen run's report carries them.
 */
export type SenderRequirementId = 'SND-1' | 'SND-2' | 'SND-3';

export type Severity = 'required' | 'recommended' | 'informational';

/** Which side of a webhook a requirement binds: the receiver (certify) or the sender (listen). */
export type ContractSide = 'receiver' | 'sender';

/** One requirement of the receiver's side, with what it asks. */
export interface Requirement {
  readonly side: 'receiver';
  readonly id: RequirementId;
  readonly severity: Severity;
  readonly summary: string;
  /** False when no remote test can prove it (reported as "not remotely testable"). */
  readonly remotelyTestable: boolean;
  /**
   * `declared-rate`: judged only by a run that declares a rate (`certify --rate`, CAP-1..3). A run
   * without one neither lists it nor counts it against its scope. Absent: every run judges it.
   */
  readonly judgedWhen?: 'declared-rate';
}

const { digests } = gridx.signature;
const rotation = `${digests.min + 1} to ${digests.max} digests`;

/** The receiver's requirements, in receiver-contract.md's order. */
export const REQUIREMENTS: readonly Requirement[] = (
  [
    { id: 'TLS-1', severity: 'required', summary: 'https:// target with a certificate a standard trust store accepts', remotelyTestable: true },
    { id: 'DLV-1', severity: 'required', summary: `every delivery is answered within ${gridx.deadlineMs / 1000} seconds`, remotelyTestable: true },
    { id: 'DLV-2', severity: 'required', summary: 'a successful answer is exactly one of 200, 201, 202, 204', remotelyTestable: true },
    { id: 'DLV-3', severity: 'required', summary: 'redirects are not answers (a 3xx is a permanent error)', remotelyTestable: true },
    { id: 'DLV-4', severity: 'required', summary: 'the same event delivered twice is accepted both times', remotelyTestable: true },
    { id: 'DLV-5', severity: 'required', summary: 'events arriving out of order are accepted', remotelyTestable: true },
    { id: 'DLV-6', severity: 'required', summary: 'concurrent deliveries are all answered correctly and in time', remotelyTestable: true },
    { id: 'DLV-7', severity: 'recommended', summary: 'transient failures use transient codes and retried deliveries are eventually accepted', remotelyTestable: true },
    { id: 'SIG-1', severity: 'required', summary: 'a single matching digest is accepted', remotelyTestable: true },
    { id: 'SIG-2', severity: 'required', summary: 'no X-Signature header is rejected with 401', remotelyTestable: true },
    { id: 'SIG-3', severity: 'required', summary: 'a digest made with another secret is rejected with 401', remotelyTestable: true },
    { id: 'SIG-4', severity: 'required', summary: 'a body changed after signing is rejected with 401', remotelyTestable: true },
    { id: 'SIG-5', severity: 'required', summary: 'a malformed header is rejected with 401', remotelyTestable: true },
    { id: 'SIG-6', severity: 'required', summary: `${rotation} with one matching, at any position, are accepted`, remotelyTestable: true },
    { id: 'SIG-7', severity: 'required', summary: `${rotation} with none matching are rejected with 401`, remotelyTestable: true },
    { id: 'SIG-8', severity: 'required', summary: 'the digest is computed over the raw body bytes', remotelyTestable: true },
    { id: 'SIG-9', severity: 'recommended', summary: 'upper-case hex and digests joined by "," are accepted', remotelyTestable: true },
    { id: 'SIG-10', severity: 'recommended', summary: 'a 401 carries an empty body', remotelyTestable: true },
    { id: 'SIG-11', severity: 'recommended', summary: 'digests are compared in constant time', remotelyTestable: false },
    { id: 'SIG-12', severity: 'required', summary: 'a digest differing from the valid one in a single hex digit is rejected with 401', remotelyTestable: true },
    { id: 'EVT-1', severity: 'required', summary: 'a valid event of every subscribed type is accepted', remotelyTestable: true },
    { id: 'EVT-2', severity: 'required', summary: 'events that omit every optional field are accepted', remotelyTestable: true },
    { id: 'EVT-3', severity: 'required', summary: 'unknown extra properties are accepted', remotelyTestable: true },
    { id: 'EVT-4', severity: 'required', summary: 'boundary values the schema allows are accepted', remotelyTestable: true },
    { id: 'EVT-5', severity: 'recommended', summary: 'deprecated types are accepted or refused permanently, never transiently', remotelyTestable: true },
    { id: 'EVT-6', severity: 'recommended', summary: 'an unknown event type is not answered with a transient status', remotelyTestable: true },
    { id: 'EVT-7', severity: 'recommended', summary: 'schema-invalid events and non-JSON bodies get a permanent 4xx (or success), never transient', remotelyTestable: true },
    { id: 'GONE-1', severity: 'informational', summary: 'a receiver answering 410 has its subscription deleted', remotelyTestable: true },
    {
      id: 'CAP-1',
      severity: 'required',
      summary: `at the declared rate, sustained, every delivery is answered with a success status within ${gridx.deadlineMs / 1000} seconds`,
      remotelyTestable: true,
      judgedWhen: 'declared-rate',
    },
    {
      id: 'CAP-2',
      severity: 'recommended',
      summary: `an outage's backlog arriving under gridX's retry policy is absorbed: every event accepted within ${gridx.retry.retries} retries, none refused permanently, duplicates included`,
      remotelyTestable: true,
      judgedWhen: 'declared-rate',
    },
    {
      id: 'CAP-3',
      severity: 'recommended',
      summary: `beyond capacity, fast transient answers (429 or 503, Retry-After where it can), never a permanent error, never a connection held past ${gridx.deadlineMs / 1000} seconds`,
      remotelyTestable: true,
      judgedWhen: 'declared-rate',
    },
  ] as const satisfies readonly Omit<Requirement, 'side'>[]
).map((r) => ({ side: 'receiver', ...r }));

/**
 * The receiver requirements a run judges: all of them with a declared rate, else all but those
 * judged only with one (CAP-1..3), so that a run without a rate reads as it always has.
 */
export function requirementsJudged(rateDeclared: boolean): readonly Requirement[] {
  return rateDeclared ? REQUIREMENTS : REQUIREMENTS.filter((r) => r.judgedWhen === undefined);
}

/** One requirement of the sender's side, with what it asks. All three are required. */
export interface SenderRequirement {
  readonly side: 'sender';
  readonly id: SenderRequirementId;
  readonly summary: string;
}

/** The sender's requirements (receiver-contract.md, "The sender's side"), judged by `hookproof listen`. */
export const SENDER_REQUIREMENTS: readonly SenderRequirement[] = (
  [
    { id: 'SND-1', summary: 'every event the sender emits validates against the schema for its type' },
    { id: 'SND-2', summary: `every request carries a well-formed ${gridx.signature.header} with a digest for the receiver's current secret over the exact bytes sent` },
    { id: 'SND-3', summary: 'answers are classified as in the contract: transient errors retried up to five more times with exponential backoff, nothing else retried' },
  ] as const satisfies readonly Omit<SenderRequirement, 'side'>[]
).map((r) => ({ side: 'sender', ...r }));

/** Both sides' requirements, each tagged with its side: the receiver's first. */
export const CONTRACT_REQUIREMENTS: readonly (Requirement | SenderRequirement)[] = [...REQUIREMENTS, ...SENDER_REQUIREMENTS];

/** The receiver requirement `id`; throws InternalError for an unknown one. */
export function requirement(id: RequirementId): Requirement {
  const found = REQUIREMENTS.find((r) => r.id === id);
  if (found === undefined) throw new InternalError(`unknown requirement ${id}`);
  return found;
}
