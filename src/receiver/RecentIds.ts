/**
 * The most recently seen event ids, capped so memory stays bounded however long the receiver runs.
 *
 * gridX may deliver the same event more than once (a retry after a lost answer, DLV-4), so the
 * receiver must recognise an id it has already accepted. A JavaScript `Set` keeps insertion order,
 * which makes it a small LRU: re-inserting an id moves it to the end, and the first entry is the
 * least recently seen. In production, use your database instead (a unique key on the event id),
 * so duplicates are also caught across restarts and across several receiver instances.
 */
export class RecentIds {
  readonly #ids = new Set<string>();
  readonly #capacity: number;

  constructor(capacity: number) {
    this.#capacity = capacity;
  }

  /** Records `id`. Returns `true` if it is new, `false` if it was seen recently. */
  add(id: string): boolean {
    const seen = this.#ids.delete(id);
    this.#ids.add(id);
    if (this.#ids.size > this.#capacity) {
      const oldest = this.#ids.values().next();
      if (oldest.done !== true) this.#ids.delete(oldest.value);
    }
    return !seen;
  }

  get size(): number {
    return this.#ids.size;
  }
}
