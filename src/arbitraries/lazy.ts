/**
 * A value built on first use and then shared: generators are not built when their module is
 * imported (importing hookproof stays cheap), and each is built once (the same object every time).
 */
export function lazy<T>(build: () => T): () => T {
  let built: { readonly value: T } | undefined;
  return () => (built ??= { value: build() }).value;
}
