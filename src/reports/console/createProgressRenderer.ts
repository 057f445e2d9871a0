import type { ProgressEvent } from '../../evidence/progressEvent';
import { redactSecrets } from '../../redaction/redactSecrets';
import { plural } from '../../text/plural';
import { CLEAR_LINE, defaultColor, painter } from './ansi';
import { checkLine } from './checkLine';
import { goneMessage } from '../../checks/goneMessage';
import { capacityProgressLine } from './capacityProgressLine';

/** Where progress goes: `process.stderr` fits; tests pass a recorder. */
export interface ProgressStream {
  readonly isTTY?: boolean;
  /** Terminal width; the live line is cut to fit, since a wrapped line cannot be redrawn. */
  readonly columns?: number;
  write(text: string): unknown;
}

/** Options of {@link createProgressRenderer}. */
export interface ProgressOptions {
  /** Secrets to redact from everything written. */
  readonly secrets?: readonly string[];
  /** ANSI colours (default: on a TTY unless NO_COLOR is set). */
  readonly color?: boolean;
  /** Minimum time between two redraws of the live line (default 80 ms). */
  readonly redrawIntervalMs?: number;
  /**
   * Off a terminal (CI logs), at most how often a line says what is in flight (default 5000 ms):
   * a long check (EVT-4 runs 20 s and more) must not look hung.
   */
  readonly heartbeatMs?: number;
  /** Clock, for tests. */
  readonly now?: () => number;
}

/**
 * A `ProgressEvent` listener for `runCertification`'s `onProgress`.
 *
 * On a terminal: each finished check becomes a permanent line, and below them one live status
 * line shows the checks in flight (id, cases sent, failures so far), redrawn in place with `\r`
 * and ANSI clear-line, cut to the terminal width, at most every `redrawIntervalMs`. Elsewhere
 * (CI logs): no control characters, one plain line per finished check, e.g.
 * `PASS  sig-wrong-secret  SIG-3  40 cases  0.3 s`, and every `heartbeatMs` while checks run a
 * line `… [3/31] evt-valid-events 120 cases`. A `gone` event is printed loudly in both.
 */
export function createProgressRenderer(stream: ProgressStream, options: ProgressOptions = {}): (event: ProgressEvent) => void {
  const live = stream.isTTY === true;
  const paint = painter(options.color ?? defaultColor(stream.isTTY));
  const secrets = options.secrets ?? [];
  const now = options.now ?? Date.now;
  const interval = options.redrawIntervalMs ?? 80;
  const heartbeat = options.heartbeatMs ?? 5000;
  let lastBeat = Number.NEGATIVE_INFINITY;
  const running = new Map<string, { sent: number; failures: number }>();
  let total = 0;
  let done = 0;
  let lastDraw = Number.NEGATIVE_INFINITY;
  let statusShown = false;

  const clean = (text: string): string => redactSecrets(text, secrets);

  const inFlightLine = (): string => {
    const inFlight = [...running].map(([id, p]) => `${id} ${plural(p.sent, 'case')}${p.failures > 0 ? ` ${plural(p.failures, 'failure')}` : ''}`);
    return clean(`[${done}/${total}] ${inFlight.join(' · ')}`);
  };

  const statusLine = (): string => {
    const width = Math.max(20, (stream.columns ?? 80) - 1);
    const line = inFlightLine();
    return line.length > width ? `${line.slice(0, width - 1)}…` : line;
  };

  /** Off a terminal: a plain line of what is in flight, at most every `heartbeat` ms. */
  const beat = (): void => {
    if (live || running.size === 0) return;
    const t = now();
    if (t - lastBeat < heartbeat) return;
    lastBeat = t;
    stream.write(`… ${inFlightLine()}\n`);
  };

  const draw = (force: boolean): void => {
    if (!live) return;
    if (running.size === 0) {
      if (statusShown) stream.write(CLEAR_LINE);
      statusShown = false;
      return;
    }
    const t = now();
    if (!force && t - lastDraw < interval) return;
    lastDraw = t;
    stream.write(`${CLEAR_LINE}${statusLine()}`);
    statusShown = true;
  };

  /** A permanent line: above the live line on a terminal, a plain line elsewhere. */
  const println = (text: string): void => {
    stream.write(`${live && statusShown ? CLEAR_LINE : ''}${text}\n`);
    statusShown = false;
  };

  return (event) => {
    switch (event.kind) {
      case 'start':
        total = event.checks;
        lastBeat = now();
        println(clean(`hookproof: running ${plural(event.checks, 'check')}, seed ${event.seed}`));
        return;
      case 'check-start':
        running.set(event.id, { sent: 0, failures: 0 });
        draw(true);
        return;
      case 'case':
        // A late event of a check already reported must not bring it back to the live line.
        if (!running.has(event.id)) return;
        running.set(event.id, { sent: event.sent, failures: event.failures });
        draw(false);
        beat();
        return;
      case 'check-end':
        running.delete(event.check.id);
        done += 1;
        // Redacting the painted line is safe: a secret never contains the escape character.
        println(clean(checkLine(event.check, paint)));
        draw(true);
        return;
      case 'gone':
        println(paint('bold', paint('red', clean(`!!! ${goneMessage(event.caseLabel)}`))));
        draw(true);
        return;
      case 'capacity': {
        // The capacity phases run alone, after every check: their line is the live line (a
        // terminal) or, in CI logs, a line every `heartbeat` ms, as `hookproof capacity` prints it.
        const line = clean(capacityProgressLine(event));
        const t = now();
        if (live) {
          if (t - lastDraw < interval) return;
          lastDraw = t;
          const width = Math.max(20, (stream.columns ?? 80) - 1);
          stream.write(`${CLEAR_LINE}${line.length > width ? `${line.slice(0, width - 1)}…` : line}`);
          statusShown = true;
          return;
        }
        if (t - lastBeat < heartbeat) return;
        lastBeat = t;
        stream.write(`${line}\n`);
        return;
      }
    }
  };
}
