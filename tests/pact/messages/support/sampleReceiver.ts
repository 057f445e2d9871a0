/**
 * A receiver's event handler as a partner would write it, for the message-pact tests: it reads only
 * the fields its tests declare, and throws when one of them is missing or of the wrong kind (so a
 * contract that leaves out a field it relies on fails the receiver's own test).
 */
export interface SampleReceiver {
  /** Plug state per EV asset id. */
  readonly plugState: Map<string, string>;
  /** Failure reasons of failed charges, in order. */
  readonly failures: string[];
  handle(event: Record<string, unknown>): Promise<'stored' | 'ignored'>;
}

export function createSampleReceiver(): SampleReceiver {
  const plugState = new Map<string, string>();
  const failures: string[] = [];
  return {
    plugState,
    failures,
    handle(event) {
      const data = object(event.data, '/data');
      switch (event.type) {
        case 'ev/plugged':
        case 'ev/unplugged':
          plugState.set(text(data.assetID, '/data/assetID'), text(data.state, '/data/state'));
          return Promise.resolve('stored');
        case 'ev/charge-failed': {
          const reason = data.failureReason === undefined ? undefined : object(data.failureReason, '/data/failureReason');
          failures.push(reason === undefined ? 'unknown' : text(reason.type, '/data/failureReason/type'));
          return Promise.resolve('stored');
        }
        default:
          return Promise.resolve('ignored');
      }
    },
  };
}

function object(value: unknown, pointer: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new TypeError(`${pointer} must be an object`);
  return value as Record<string, unknown>;
}

function text(value: unknown, pointer: string): string {
  if (typeof value !== 'string') throw new TypeError(`${pointer} must be a string`);
  return value;
}
