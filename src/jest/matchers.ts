import type * as EngineModule from '../engine';
import type { Engine, EngineOptions } from '../engine';
import { UsageError } from '../errors';
import type { ValidationResult } from '../schemas/validators';
import { parseSignatureHeader } from '../contract/parseSignatureHeader';
import { verifySignature } from '../signing/verify';

/** What a matcher returns to jest. */
export interface MatcherResult {
  readonly pass: boolean;
  readonly message: () => string;
}

/** The part of jest's matcher context the matchers read (`.not`). */
export interface MatcherState {
  readonly isNot?: boolean;
}

/** The gridX matchers, ready for `expect.extend` (a type alias, so it fits jest's matcher maps). */
export type GridxMatchers = {
  toBeValidGridxEvent(this: MatcherState, received: unknown, type?: string): MatcherResult;
  toHaveValidSignature(this: MatcherState, received: unknown, body: unknown, secrets: string | readonly string[]): MatcherResult;
};

/**
 * Builds the matchers over one spec (the bundled gridX spec by default; the engine is created on
 * first use). `expect.extend(createGridxMatchers({ specPath: 'new.yaml' }))` checks against
 * another version.
 */
export function createGridxMatchers(source: { readonly engine?: Engine } & EngineOptions = {}): GridxMatchers {
  let engine = source.engine;
  const current = (): Engine => {
    // Loaded here, not on import: 'hookproof/jest' stays light for suites that only use the adapter,
    // and the engine (ajv, the compiled validators) is built by the first matcher that needs it.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy on purpose (above); the build is CommonJS
    const { createEngine } = require('../engine') as typeof EngineModule;
    engine ??= createEngine(source.specPath !== undefined ? { specPath: source.specPath } : {});
    return engine;
  };

  return {
    /**
     * The received value (an event object, its JSON text, or the raw body bytes) is a valid gridX
     * event: of `type` when given, else of the type its own `type` names.
     */
    toBeValidGridxEvent(received, type) {
      // A type the spec does not define is a mistake in the test, not an invalid event: with
      // `.not` it would pass silently, so it throws (UnknownEventTypeError).
      if (type !== undefined) current().catalogue.get(type);
      const result = validate(current().validators, received, type);
      const what = type === undefined ? 'a valid gridX event' : `a valid gridX "${type}" event`;
      return {
        pass: result.valid,
        message: () =>
          result.valid
            ? `expected the value not to be ${what}, but it is a valid "${result.type}" event`
            : [
                `expected the value to be ${what}, but it has ${plural(result.issues.length, 'issue')}:`,
                ...result.issues.map((i) => `  ${i.pointer === '' ? '(root)' : i.pointer}: ${i.message}`),
              ].join('\n'),
      };
    },

    /**
     * The received value is an `X-Signature` header value with a digest that is the HMAC-SHA-512
     * of the exact `body` bytes under one of `secrets`. Secrets never appear in a message.
     */
    toHaveValidSignature(received, body, secrets) {
      if (typeof secrets !== 'string' && !Array.isArray(secrets)) {
        throw new UsageError("toHaveValidSignature(body, secrets): pass the receiver's secret, or an array of its current secrets");
      }
      const list: readonly string[] = typeof secrets === 'string' ? [secrets] : secrets;
      if (typeof body !== 'string' && !(body instanceof Uint8Array)) {
        return {
          pass: false,
          message: () =>
            `expected the raw body bytes (a Buffer, Uint8Array or string) as the first argument, got ${body === null ? 'null' : typeof body}: gridX signs the exact bytes it sends, so verify what you received, never a parsed and re-serialised object (SIG-8)`,
        };
      }
      if (received !== undefined && typeof received !== 'string') {
        return {
          pass: false,
          message: () => `expected an X-Signature header value (a string), got ${Array.isArray(received) ? 'an array (a repeated header?)' : typeof received}`,
        };
      }
      const verdict = verifySignature(body, received, list);
      const secretWord = plural(list.length, 'secret');
      return {
        pass: verdict.valid,
        message: () => {
          if (verdict.valid)
            return `expected the X-Signature not to be valid, but digest ${verdict.matchedDigest + 1} matches secret ${verdict.matchedSecret + 1} of ${list.length} over the ${byteLength(body)}-byte body`;
          if (verdict.reason === 'missing') return 'expected a valid X-Signature, but there is none (the header value is undefined)';
          if (verdict.reason === 'malformed') {
            const parsed = parseSignatureHeader(received ?? '');
            return `expected a valid X-Signature, but the value is malformed: ${parsed.ok ? 'unknown reason' : parsed.reason}`;
          }
          const digests = parseSignatureHeader(received ?? '');
          const count = digests.ok ? digests.digests.length : 0;
          return `expected a valid X-Signature, but none of its ${plural(count, 'digest')} is the HMAC-SHA-512 of the ${byteLength(body)}-byte body under the ${secretWord} given (wrong secret, or the body bytes differ from those signed)`;
        },
      };
    },
  };
}

/** The matchers over the bundled gridX spec: `expect.extend(gridxMatchers)`. */
export const gridxMatchers: GridxMatchers = createGridxMatchers();

function validate(validators: Engine['validators'], received: unknown, type: string | undefined): ValidationResult {
  if (typeof received === 'string' || received instanceof Uint8Array) {
    const bytes = validators.validateBytes(received);
    // A body that parses is validated as the requested type, like an object would be.
    if (type === undefined || (!bytes.valid && bytes.issues.some((i) => i.keyword === 'json'))) return bytes;
    return validators.validateAs(type, JSON.parse(typeof received === 'string' ? received : Buffer.from(received).toString('utf8')));
  }
  return type === undefined ? validators.validate(received) : validators.validateAs(type, received);
}

function byteLength(body: string | Uint8Array): number {
  return typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength;
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
