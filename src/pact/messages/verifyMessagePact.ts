import type { Engine } from '../../engine';
import type { MessagePactReport } from './messageReport';
import type { MessagePact } from './messagePactFile';
import { verifyMessage } from './verifyMessage';

export interface VerifyMessagePactOptions {
  /** Generated events per message to check its rules against; default 100. */
  readonly runs?: number;
  /** Seed of the generated events; default 1. */
  readonly seed?: number;
  /** Fail on warnings too (fields the spec lets gridX omit, deprecated types…); default false. */
  readonly strict?: boolean;
}

/**
 * Verifies a receiver's message pact from gridX's side: every message it expects must be producible
 * under the spec. Pure apart from generation; the report is data (see formatMessagePactReport).
 */
export function verifyMessagePact(engine: Engine, pact: MessagePact, options: VerifyMessagePactOptions = {}): MessagePactReport {
  const seed = options.seed ?? 1;
  const messages = pact.messages.map((message) => verifyMessage(engine, message, { runs: options.runs ?? 100, seed }));
  const failed = messages.some((m) => m.status === 'fail' || (options.strict === true && m.status === 'warn'));
  return {
    pact: { path: pact.path, consumer: pact.consumer, provider: pact.provider, specification: pact.specification },
    spec: { path: engine.catalogue.spec.path, sha256: engine.catalogue.spec.sha256 },
    seed,
    messages,
    skipped: pact.skipped,
    passed: !failed,
  };
}
