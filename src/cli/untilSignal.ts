/**
 * Resolves on the first SIGINT or SIGTERM (Ctrl-C, or a CI runner stopping the job), for the
 * commands that run until stopped (`serve`, `listen`). `dispose` removes the handlers, so a
 * command run in-process (tests, the jest adapter) leaves no listener behind.
 */
export function untilSignal(): { readonly promise: Promise<'signal'>; dispose(): void } {
  let onSignal: () => void = () => undefined;
  const promise = new Promise<'signal'>((resolve) => {
    onSignal = () => resolve('signal');
  });
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return {
    promise,
    dispose: () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}
