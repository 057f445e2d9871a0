import { createEngine, type Engine } from '../../engine';
import { InternalError } from '../../errors';
import { serialiseEvent } from '../../serialise/compactJson';
import { isSchemaObject } from '../../spec/types';
import { buildExpectedEvent, type ExpectedEvent, type ExpectedEventOptions } from './expectedEvent';
import { toIntegrationJson } from './integrationJson';
import { loadPact } from './pactModule';

/** Where and for whom the message pact is written. */
export interface GridxMessagePactOptions {
  /** The receiver's name in the pact (the consumer of gridX's events). */
  readonly consumer: string;
  /** gridX's name in the pact; default "gridx-webhooks". */
  readonly provider?: string;
  /** Directory the Pact core writes `<consumer>-<provider>.json` to; default "pacts". */
  readonly dir?: string;
  /** The gridX spec to build events from; default the bundled one. Ignored when `engine` is given. */
  readonly specPath?: string;
  /** An engine to reuse instead of loading the spec again. */
  readonly engine?: Engine;
  /** Seed of the example events; the same seed and spec give the same pact. Default 1. */
  readonly seed?: number;
  /** The Pact core's log level; default "warn". */
  readonly logLevel?: 'trace' | 'debug' | 'info' | 'warn' | 'error';
}

/** One event type the receiver consumes: `fields` it relies on, plus Pact details. */
export interface EventExpectationOptions extends ExpectedEventOptions {
  /** A provider state for the interaction, e.g. "an EV is plugged in at home". */
  readonly given?: string;
}

/** What the receiver's handler gets besides the event. */
export interface ReceivedMessage {
  readonly type: string;
  readonly description: string;
  /** The event as the bytes gridX would send (hookproof's canonical JSON). */
  readonly body: Buffer;
  readonly metadata: Readonly<Record<string, unknown>>;
}

/** The receiver's code under test; its result (or rejection) is what `verify` resolves to (or rejects with). */
export type EventHandler<T> = (event: Record<string, unknown>, message: ReceivedMessage) => T | Promise<T>;

/** A declared event, ready to be run through the receiver's handler. */
export interface EventExpectation {
  /** The message as built from the spec: content, fields with their matchers, the full example. */
  readonly expected: ExpectedEvent;
  /**
   * Runs `handler` on the message as the Pact core hands it over (exactly the fields relied upon,
   * with their example values) and, when the handler succeeds, adds the interaction to the pact
   * file. A handler that throws fails the test and writes nothing.
   */
  verify<T>(handler: EventHandler<T>): Promise<T>;
}

/** The consumer side of a gridX message pact, for a receiver's own jest tests. */
export interface GridxMessagePact {
  readonly consumer: string;
  readonly provider: string;
  readonly dir: string;
  /** Declares that the receiver consumes `type` events and relies on `options.fields` of them. */
  expectsEvent(type: string, options: EventExpectationOptions): EventExpectation;
}

/**
 * Creates the helper with which a receiver declares, in its own tests, the gridX events it consumes
 * as Pact V4 asynchronous-message interactions. Bodies come from the spec: a seeded example event cut
 * down to the fields the receiver relies on, each with a matcher derived from the schema. The pact
 * file is written by the real Pact core (pact-js `PactV4`), one interaction per `verify` that passes.
 *
 * ```ts
 * const pact = gridxMessagePact({ consumer: 'acme-receiver', dir: 'pacts' });
 * it('stores the plug state', () =>
 *   pact.expectsEvent('ev/plugged', { fields: ['/data/state', '/data/assetID'] })
 *     .verify(async (event) => handler(event)));
 * ```
 */
export function gridxMessagePact(options: GridxMessagePactOptions): GridxMessagePact {
  const provider = options.provider ?? 'gridx-webhooks';
  const dir = options.dir ?? 'pacts';
  let engine = options.engine;
  const getEngine = (): Engine => (engine ??= createEngine(options.specPath !== undefined ? { specPath: options.specPath } : {}));
  return {
    consumer: options.consumer,
    provider,
    dir,
    expectsEvent(type, expectation) {
      const current = getEngine();
      const expected = buildExpectedEvent(current, type, expectation, options.seed ?? 1);
      const specNote = `built by hookproof from the gridX spec with sha256 ${current.catalogue.spec.sha256}`;
      return {
        expected,
        async verify<T>(handler: EventHandler<T>): Promise<T> {
          const { PactV4, MatchersV3 } = loadPact();
          const pact = new PactV4({ consumer: options.consumer, provider, dir, logLevel: options.logLevel ?? 'warn' });
          let interaction = pact.addAsynchronousInteraction();
          if (expectation.given !== undefined) interaction = interaction.given(expectation.given);
          for (const note of [specNote, ...expected.notes]) interaction = interaction.comment(note);
          const body = toIntegrationJson(expected.content, expected.fields, MatchersV3);
          const result = await interaction
            .expectsToReceive(expected.description, (builder) => {
              builder.withJSONContent(body);
            })
            .executeTest(async (message) => {
              const event = message.contents.content;
              // The pact's content is the JSON object written above, so the core hands back an object.
              if (!isSchemaObject(event)) throw new InternalError(`the Pact core handed over a ${typeof event} instead of a JSON event`);
              const metadata = isSchemaObject(message.metadata) ? message.metadata : {};
              return handler(event, { type, description: expected.description, body: serialiseEvent(event), metadata });
            });
          return result as T;
        },
      };
    },
  };
}
