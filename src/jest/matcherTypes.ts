/**
 * Type declarations of the gridX matchers, for both ways of getting `expect` in jest 30:
 * the global `expect` typed by `@types/jest` (namespace `jest`), and
 * `import { expect } from '@jest/globals'` typed by the `expect` package.
 * Importing `hookproof/jest` brings them in; the matchers themselves are added at run time with
 * `expect.extend(gridxMatchers)`.
 */
import type { GridxEventType } from '../generated/gridxEvents';

/** An event type of the bundled spec (autocompleted), or any other string for another spec. */
export type EventTypeName = GridxEventType | (string & {});

/** Signatures shared by both declarations. */
export interface GridxMatcherSignatures<R> {
  /**
   * The value (event object, JSON text or raw body bytes) is a valid gridX event, of `type` when
   * given. The failure message lists each issue with its JSON pointer.
   */
  toBeValidGridxEvent(type?: EventTypeName): R;
  /**
   * The value is an `X-Signature` header value with a digest that is the HMAC-SHA-512 of the exact
   * `body` bytes under one of `secrets`.
   */
  toHaveValidSignature(body: Uint8Array | string, secrets: string | readonly string[]): R;
}

// Declaration merging: each interface below adds the matchers to one that jest's typings declare,
// so it must repeat that declaration's name and type parameters exactly (T unused, `{}` its default)
// and has no members of its own.
declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- @types/jest declares its matchers in the global namespace `jest`; merging needs that namespace.
  namespace jest {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unused-vars -- merged into @types/jest's Matchers<R, T = {}> (see above).
    interface Matchers<R, T = {}> extends GridxMatcherSignatures<R> {}
  }
}

declare module 'expect' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unused-vars -- merged into the expect package's Matchers<R, T = unknown> (see above).
  interface Matchers<R extends void | Promise<void>, T = unknown> extends GridxMatcherSignatures<R> {}
}
