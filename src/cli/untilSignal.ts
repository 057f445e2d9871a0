/** How {@link untilSignal} notices that its parent process is gone; a test passes its own. */
export interface OrphanWatch {
  /** The parent's pid now (default `process.ppid`, which Node reads afresh each time). */
  readonly parentPid: () => number;
  /** How often to look (default 1000 ms). */
  readonly intervalMs: number;
  /** The parent to compare with (default: the parent when this module loaded, see PARENT_AT_START). */
  readonly startedUnder?: number;
}

// Read when the CLI loads this module, before `serve` or `listen` announce themselves: read only
// when they start waiting, a launcher killed in between (the process was descheduled right after
// printing "listening on", on a loaded machine) left the orphan's new parent as the one to compare
// with, and it never stopped.
const PARENT_AT_START = process.ppid;
const DEFAULT_WATCH: OrphanWatch = { parentPid: () => process.ppid, intervalMs: 1000, startedUnder: PARENT_AT_START };

/**
 * Resolves on the first SIGINT or SIGTERM (Ctrl-C, or a CI runner stopping the job), for the
 * commands that run until stopped (`serve`, `listen`), or when the process that started this one
 * is gone (its parent pid changed: it was re-parented). The second case is for launchers that do
 * not forward signals: `npx hookproof serve & kill $!` kills npx's process, not this one, which
 * would otherwise keep the port; it counts as the signal the launcher got. `dispose` removes the handlers and the timer, so a command run
 * in-process (tests, the jest adapter) leaves nothing behind.
 */
export function untilSignal(watch: OrphanWatch = DEFAULT_WATCH): { readonly promise: Promise<'signal'>; dispose(): void } {
  let onSignal: () => void = () => undefined;
  const promise = new Promise<'signal'>((resolve) => {
    onSignal = () => resolve('signal');
  });
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const parent = watch.startedUnder ?? watch.parentPid();
  const timer = setInterval(() => {
    if (watch.parentPid() !== parent) onSignal();
  }, watch.intervalMs);
  // The watch alone must not keep the process alive.
  timer.unref();
  return {
    promise,
    dispose: () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      clearInterval(timer);
    },
  };
}
