/** Why a listen run ended. */
export type ListenStop = 'duration' | 'count' | 'signal' | 'stopped';

/** Where an event's deliveries ended. */
export type EventState =
  /** The last answer was final (success, permanent, gone): nothing more is due. */
  | 'final'
  /** Transient, and the sender may still retry (the run ended inside the retry window). */
  | 'pending'
  /** Transient, with every allowed retry used. */
  | 'exhausted'
  /** Transient, and no retry came within the retry window. */
  | 'abandoned';

/** Every attempt of one event, as the listener saw them. */
export interface EventHistory {
  readonly eventKey: string;
  readonly eventId: string | undefined;
  readonly type: string | undefined;
  readonly attempts: ReadonlyArray<{ readonly delivery: number; readonly atMs: number; readonly answeredAtMs: number; readonly answer: number }>;
  /** The sender's waits: from the listener's answer to one attempt to the arrival of the next, in ms. */
  readonly gapsMs: readonly number[];
  readonly state: EventState;
}

/**
 * What report.json of a listen run (`subject: 'sender'`) carries beyond the fields every report
 * has: the respond script, how the run ended, and every delivery and event as the listener saw it.
 */
export interface ListenReportExtension {
  readonly kind: 'listen';
  /** The respond script, normalised (`503x2,204`). */
  readonly respond: string;
  readonly expect: readonly string[] | null;
  readonly stoppedBy: ListenStop;
  readonly retryWindowMs: number;
  readonly deliveries: ReadonlyArray<{
    readonly index: number;
    readonly receivedAt: string;
    readonly atMs: number;
    readonly eventId: string | null;
    readonly type: string | null;
    readonly attempt: number;
    readonly size: number;
    readonly signature: string;
    readonly schema: string;
    readonly answer: number;
  }>;
  readonly events: readonly EventHistory[];
  /** Requests that were not deliveries (not a POST). */
  readonly ignored: number;
}
