/** Why a message is not (or not surely) producible by gridX under the spec. */
export type FindingCode =
  /** The body is not a JSON object. */
  | 'not-json'
  /** The body has no event type (discriminator), so no schema applies. */
  | 'no-type'
  /** The spec has no such event type. */
  | 'unknown-type'
  /** The type is deprecated: gridX may stop sending it (warning). */
  | 'deprecated-type'
  /** The receiver relies on a field the spec does not describe. */
  | 'not-in-spec'
  /** The receiver relies on a field the spec lets gridX omit (warning). */
  | 'optional'
  /** The receiver's rule rejects null where the spec lets gridX send null (warning). */
  | 'nullable'
  /** The example body, completed to a whole event, does not validate against the spec. */
  | 'invalid-example'
  /** The example body does not pass its own matching rule. */
  | 'example-breaks-rule'
  /** A matching rule rejects values gridX may send. */
  | 'rule-rejects'
  /** A field without a matcher must equal the example, but gridX may send other values. */
  | 'exact-value'
  /** A matcher hookproof cannot evaluate (warning). */
  | 'unchecked-rule'
  /** The message declares a content type gridX does not send (gridX sends application/json). */
  | 'content-type';

export interface MessageFinding {
  readonly severity: 'error' | 'warning';
  readonly code: FindingCode;
  /** JSON pointer of the field concerned; "" for the whole message. */
  readonly pointer: string;
  readonly message: string;
}

/** The verdict on one message of a pact. */
export interface MessageVerdict {
  readonly description: string;
  /** The event type the message names; undefined when it names none. */
  readonly type: string | undefined;
  /** fail: an error; warn: warnings only; pass: neither. */
  readonly status: 'pass' | 'warn' | 'fail';
  /** The fields the receiver relies on (the message body's fields and the rules' paths). */
  readonly fields: readonly string[];
  readonly findings: readonly MessageFinding[];
  /** How many generated events of the type the rules were checked against. */
  readonly eventsChecked: number;
}

/** The verdict on a whole message pact, from the sender's side. */
export interface MessagePactReport {
  readonly pact: { readonly path: string; readonly consumer: string; readonly provider: string; readonly specification: string };
  readonly spec: { readonly path: string; readonly sha256: string };
  readonly seed: number;
  readonly messages: readonly MessageVerdict[];
  /** Interactions of the file that are not asynchronous messages, and so not verified. */
  readonly skipped: ReadonlyArray<{ readonly description: string; readonly type: string }>;
  /** True when no message has an error (and, with `strict`, no warning). */
  readonly passed: boolean;
}
