import { UsageError } from '../../errors';

/**
 * What the listener answers, attempt by attempt, for each event (by event id). Written as a
 * comma-separated list of HTTP statuses, each optionally repeated with `xN`:
 *
 * - `204`: every delivery gets 204.
 * - `503,503,204` (or `503x2,204`): the first and second attempt of each event get 503, the third
 *   gets 204. The last step repeats for every later attempt.
 * - `500,429,204`, `410`, `400`: any status from 200 to 599.
 */
export interface RespondScript {
  /** The script as the user wrote it, normalised (`503x2,204`). */
  readonly source: string;
  /** One status per attempt, expanded (`[503, 503, 204]`); the last one repeats. */
  readonly steps: readonly number[];
}

const MAX_STEPS = 100;
const STEP = /^(\d{3})(?:x(\d{1,3}))?$/;

/** Parses a `--respond` script; throws `UsageError` with one line saying what is wrong. */
export function parseRespondScript(text: string): RespondScript {
  const steps: number[] = [];
  const parts: string[] = [];
  for (const raw of text.split(',')) {
    const part = raw.trim().toLowerCase();
    const match = STEP.exec(part);
    const status = Number(match?.[1]);
    const times = match?.[2] === undefined ? 1 : Number(match[2]);
    if (match === null || status < 200 || status > 599 || times < 1) {
      throw new UsageError(`invalid --respond script "${text}": each step is a status from 200 to 599, optionally repeated as 503x2 (e.g. 503,503,204)`);
    }
    for (let i = 0; i < times; i += 1) steps.push(status);
    parts.push(times === 1 ? String(status) : `${status}x${times}`);
    if (steps.length > MAX_STEPS) throw new UsageError(`invalid --respond script "${text}": more than ${MAX_STEPS} steps`);
  }
  return { source: parts.join(','), steps };
}

/** The status the script gives the `attempt`-th delivery (1-based) of an event. */
export function scriptedStatus(script: RespondScript, attempt: number): number {
  return script.steps[Math.min(attempt, script.steps.length) - 1] ?? 204;
}
