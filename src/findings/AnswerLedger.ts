import type { DeliveryResult } from '../delivery';
import type { DeliveryErrorCode } from '../evidence/ReceiverAnswer';
import { answerKey } from './answerKey';
import { captureAnswer } from './captureAnswer';
import { caseKind } from './caseKind';
import { BodySizes, type BodySizeStats } from './bodySizes';
import { ReserialisationEvidence } from './ReserialisationEvidence';

/** How often one kind of case got one answer, and for which event types. */
interface Tally {
  count: number;
  readonly types: Set<string>;
}

/** What the hints need to know about all answers of a run (see `detectHints`). */
export interface AnswerStats {
  readonly deliveries: number;
  /** Deliveries that got an HTTP status. */
  readonly answered: number;
  /** Deliveries sent before the first that got an HTTP status (all of them when none did). */
  readonly unansweredAtStart: number;
  readonly statuses: ReadonlyMap<number, number>;
  /** Transport errors (timeouts included) by code, with the first message met. */
  readonly errors: ReadonlyMap<DeliveryErrorCode, { readonly count: number; readonly message: string }>;
  /** Correctly signed valid events sent, and the statuses they got. */
  readonly validSigned: { readonly count: number; readonly statuses: ReadonlyMap<number, number> };
  /** The first `Location` a redirect (3xx) carried, redacted and as sent (possibly relative). */
  readonly firstRedirect?: string;
}

// Distinct (answer, kind of case) pairs tallied. A receiver that echoes each body back makes every
// answer distinct; past this many the rest are not tallied, so memory stays flat in a long run.
const MAX_TALLIES = 4096;

/**
 * Every answer of a run, tallied by what the receiver did (its normalised answer) and the kind of
 * case it answered, in bounded memory: findings count their cases and event types from it, and
 * hints read the run's overall picture (every answer 404, nothing answered…). Keeps no body.
 */
export class AnswerLedger {
  readonly #secrets: readonly string[];
  readonly #tallies = new Map<string, Tally>();
  readonly #statuses = new Map<number, number>();
  readonly #validStatuses = new Map<number, number>();
  readonly #errors = new Map<DeliveryErrorCode, { count: number; message: string }>();
  #deliveries = 0;
  #answered = 0;
  #unansweredAtStart = 0;
  #validSigned = 0;
  #untallied = 0;
  #firstRedirect: string | undefined;
  readonly #bodySizes = new BodySizes();
  readonly #reserialisation = new ReserialisationEvidence();

  /** `secrets` are redacted from answers before they are keyed, as in reported failures. */
  constructor(secrets: readonly string[]) {
    this.#secrets = secrets;
  }

  /**
   * `body`, the bytes sent, feeds the body-size tally (see `bodySizes`) and, for correctly signed
   * valid events, the evidence of a re-serialising receiver (see `reserialisedBy`).
   */
  record(variant: string | undefined, eventType: string | undefined, result: DeliveryResult, body?: Uint8Array): void {
    this.#deliveries += 1;
    if (body !== undefined) {
      this.#bodySizes.record(body.length, result);
      // Deprecated types may be refused (EVT-5): their refusals say nothing about the signature.
      if (caseKind(variant) === 'valid' && variant !== 'valid:deprecated') this.#reserialisation.record(body, result);
    }
    if (result.status !== undefined) {
      this.#answered += 1;
      bump(this.#statuses, result.status);
    } else if (this.#answered === 0) {
      this.#unansweredAtStart += 1;
    }
    if (result.error !== undefined) {
      const seen = this.#errors.get(result.error.code);
      this.#errors.set(result.error.code, { count: (seen?.count ?? 0) + 1, message: seen?.message ?? result.error.message });
    }
    if (caseKind(variant) === 'valid') {
      this.#validSigned += 1;
      if (result.status !== undefined) bump(this.#validStatuses, result.status);
    }
    const answer = captureAnswer(result, this.#secrets);
    if (result.status !== undefined && result.status >= 300 && result.status < 400) this.#firstRedirect ??= answer.headers.location;
    const key = tallyKey(answerKey(answer, eventType), variant);
    let tally = this.#tallies.get(key);
    if (tally === undefined) {
      if (this.#tallies.size >= MAX_TALLIES) {
        this.#untallied += 1;
        return;
      }
      tally = { count: 0, types: new Set() };
      this.#tallies.set(key, tally);
    }
    tally.count += 1;
    if (eventType !== undefined) tally.types.add(eventType);
  }

  /** Cases of the given kinds (variants) answered as `key` says, and their event types. */
  casesOf(key: string, variants: Iterable<string>): { readonly cases: number; readonly types: ReadonlySet<string> } {
    let cases = 0;
    const types = new Set<string>();
    for (const variant of new Set(variants)) {
      const tally = this.#tallies.get(tallyKey(key, variant));
      if (tally === undefined) continue;
      cases += tally.count;
      for (const type of tally.types) types.add(type);
    }
    return { cases, types };
  }

  /** The sizes of the bodies refused as too large (413) and accepted. */
  bodySizes(): BodySizeStats {
    return this.#bodySizes.stats();
  }

  /**
   * The re-serialisation the receiver verifies instead of the raw bytes, when the correctly signed
   * valid events it refused are exactly those whose bytes it changes (see RESERIALISERS).
   */
  reserialisedBy(): string | undefined {
    return this.#reserialisation.pattern();
  }

  /** Deliveries whose answer was not tallied because the ledger was full. */
  get untallied(): number {
    return this.#untallied;
  }

  stats(): AnswerStats {
    return {
      deliveries: this.#deliveries,
      answered: this.#answered,
      unansweredAtStart: this.#unansweredAtStart,
      statuses: new Map(this.#statuses),
      errors: new Map(this.#errors),
      validSigned: { count: this.#validSigned, statuses: new Map(this.#validStatuses) },
      ...(this.#firstRedirect !== undefined ? { firstRedirect: this.#firstRedirect } : {}),
    };
  }
}

function tallyKey(answer: string, variant: string | undefined): string {
  return `${variant ?? ''}\u0000${answer}`;
}

function bump<K>(map: Map<K, number>, key: K): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}
