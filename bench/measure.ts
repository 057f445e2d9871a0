/** Runs `work` repeatedly for about `ms` milliseconds; returns operations per second. */
export function ratePerSecond(ms: number, work: () => number): { perSecond: number; operations: number } {
  const started = process.hrtime.bigint();
  let operations = 0;
  let elapsedMs = 0;
  while (elapsedMs < ms) {
    operations += work();
    elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
  }
  return { perSecond: (operations * 1000) / elapsedMs, operations };
}

export function round(n: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
