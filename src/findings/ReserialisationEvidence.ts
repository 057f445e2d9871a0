import type { DeliveryResult } from '../delivery';
import { RESERIALISERS, reserialisationChanges } from './reserialisers';

/** How the answers to correctly signed valid events split by whether a re-serialisation changes their bytes. */
interface Split {
  refusedChanged: number;
  refusedSame: number;
  acceptedChanged: number;
  acceptedSame: number;
}

/**
 * Evidence that a receiver verifies a re-serialised body instead of the raw bytes: for each common
 * re-serialisation (RESERIALISERS), how the answered, correctly signed valid events split between
 * accepted and refused, and between bytes it changes and bytes it keeps. Constant memory.
 */
export class ReserialisationEvidence {
  readonly #splits = RESERIALISERS.map((): Split => ({ refusedChanged: 0, refusedSame: 0, acceptedChanged: 0, acceptedSame: 0 }));

  /**
   * One answered, correctly signed valid event. Answers that say nothing about the signature are
   * left out: no answer, 413 (size: EVT-4's), a transient status (DLV-7 may ask for one).
   */
  record(body: Uint8Array, result: DeliveryResult): void {
    const status = result.status;
    if (status === undefined || result.outcome === 'error' || result.outcome === 'transient' || status === 413) return;
    const accepted = result.outcome === 'success';
    const changes = reserialisationChanges(Buffer.from(body).toString('utf8'));
    changes.forEach((changed, i) => {
      const split = this.#splits[i];
      if (split === undefined) return;
      if (accepted && changed) split.acceptedChanged += 1;
      else if (accepted) split.acceptedSame += 1;
      else if (changed) split.refusedChanged += 1;
      else split.refusedSame += 1;
    });
  }

  /**
   * The re-serialisation the receiver verifies, when the refused valid events are exactly those
   * whose bytes it changes: at least one refused, at least one accepted, and no exception either
   * way. Undefined when no re-serialisation explains the answers.
   */
  pattern(): string | undefined {
    const index = this.#splits.findIndex((s) => s.refusedChanged > 0 && s.acceptedSame > 0 && s.refusedSame === 0 && s.acceptedChanged === 0);
    return RESERIALISERS[index]?.name;
  }
}
