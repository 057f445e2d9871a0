import type { ChildProcess } from 'node:child_process';

/** How long a child asked to end (SIGTERM) has before it is killed (SIGKILL). */
const TERM_GRACE_MS = 2_000;

/**
 * `promise`'s value, or `'late'` once `ms` have passed without it. The timer is cleared either
 * way, so it never keeps the process alive.
 */
export function within<T>(promise: Promise<T>, ms: number): Promise<T | 'late'> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), ms)));
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** Resolves once `child` has exited (at once if it already has), with its exit code. */
export function exitOf(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/**
 * Ends `child` and resolves once it has exited: SIGTERM, then SIGKILL if it is still there after
 * 2 s (a native core busy in a call, or a handler that ignores SIGTERM). Only the child is
 * signalled: neither of hookproof's verifier children starts processes of its own (the Pact core
 * runs in-process, through its FFI), so there is no process group to end.
 */
export async function endChild(child: ChildProcess): Promise<void> {
  const exited = exitOf(child);
  if (child.pid === undefined) return; // it never started: nothing to end
  child.kill('SIGTERM');
  if ((await within(exited, TERM_GRACE_MS)) === 'late') child.kill('SIGKILL');
  await exited;
}

/**
 * The one deadline of hookproof's child-process runners (`pact verify`'s Pact core, pact-js's
 * Verifier): `answer`, or `'late'` after `deadlineMs`, in which case `child` has been ended
 * (and has exited) by the time this resolves, so no process outlives the run.
 */
export async function answerWithin<T>(child: ChildProcess, answer: Promise<T>, deadlineMs: number): Promise<T | 'late'> {
  const outcome = await within(answer, deadlineMs);
  if (outcome === 'late') await endChild(child);
  return outcome;
}

/** A duration for a message: `10 s`, `2.5 s`. */
export function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}
