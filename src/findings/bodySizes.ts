import type { DeliveryResult } from '../delivery';

/** The sizes of the bodies a receiver refused as too large (413) and of those it accepted. */
export interface BodySizeStats {
  /** Bodies answered 413: how many, the smallest and the largest (absent when none was). */
  readonly tooLarge?: { readonly count: number; readonly smallest: number; readonly largest: number };
  /** The largest body answered with a success status (absent when none was). */
  readonly largestAccepted?: number;
}

/**
 * Body sizes by answer, in constant memory: what a 413 finding needs to say where the receiver's
 * body limit lies ("below N bytes", "bodies up to M were accepted").
 */
export class BodySizes {
  #tooLarge: { count: number; smallest: number; largest: number } | undefined;
  #largestAccepted: number | undefined;

  record(bytes: number, result: DeliveryResult): void {
    if (result.status === 413) {
      const seen = this.#tooLarge;
      this.#tooLarge =
        seen === undefined
          ? { count: 1, smallest: bytes, largest: bytes }
          : { count: seen.count + 1, smallest: Math.min(seen.smallest, bytes), largest: Math.max(seen.largest, bytes) };
    } else if (result.outcome === 'success') {
      this.#largestAccepted = Math.max(this.#largestAccepted ?? 0, bytes);
    }
  }

  stats(): BodySizeStats {
    return {
      ...(this.#tooLarge !== undefined ? { tooLarge: { ...this.#tooLarge } } : {}),
      ...(this.#largestAccepted !== undefined ? { largestAccepted: this.#largestAccepted } : {}),
    };
  }
}
