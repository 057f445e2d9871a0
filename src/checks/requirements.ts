import { InternalError } from '../errors';

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
  | 'GONE-1';

/**
 * Requirement IDs of the sender's side of the contract ("The sender's side": SND-1…3), judged by
 * `hookproof listen`. Not receiver requirements: they have no entry in `REQUIREMENTS` and no
 * receiver check; only a listen run's report carries them.
 */
export type SenderRequirementId = 'SND-1' | 'SND-2' | 'SND-3';

export type Severity = 'required' | 'recommended' | 'informational';

export interface Requirement {
  readonly id: RequirementId;
  readonly severity: Severity;
  readonly summary: string;
  /** False when no remote test can prove it (reported as "not remotely testable"). */
  readonly remotelyTestable: boolean;
}

export const REQUIREMENTS: readonly Requirement[] = [
  { id: 'TLS-1', severity: 'required', summary: 'https:// target with a certificate a standard trust store accepts', remotelyTestable: true },
  { id: 'DLV-1', severity: 'required', summary: 'every delivery is answered within 5 seconds', remotelyTestable: true },
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
  { id: 'SIG-6', severity: 'required', summary: '2 to 5 digests with one matching, at any position, are accepted', remotelyTestable: true },
  { id: 'SIG-7', severity: 'required', summary: '2 to 5 digests with none matching are rejected with 401', remotelyTestable: true },
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
];

export function requirement(id: RequirementId): Requirement {
  const found = REQUIREMENTS.find((r) => r.id === id);
  if (found === undefined) throw new InternalError(`unknown requirement ${id}`);
  return found;
}
