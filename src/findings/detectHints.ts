import type { DeliveryErrorCode } from '../evidence/ReceiverAnswer';
import { plural } from '../text/plural';
import type { AnswerStats } from './AnswerLedger';
import { terminalSafe } from '../text/terminalSafe';
import type { SetupHint } from '../evidence/Finding';
import { maskUrlCredentials } from '../redaction/maskUrlCredentials';

/** Where the deliveries went and how they were signed, for the hints' wording. */
export interface HintContext {
  /** The target URL as shown in reports (no password). */
  readonly url: string;
  readonly secrets: number;
  /** NODE_EXTRA_CA_CERTS as set for the run, if it was. */
  readonly extraCaCerts?: string;
}

/**
 * Set-up mistakes that make every check fail for one reason, detected from the run's answers, in
 * the order to look at them: the certificate is not trusted (or TLS fails otherwise), nothing
 * answers, every answer is 404/405 (wrong path), every correctly signed valid event is redirected
 * (register the final URL), every correctly signed valid event gets 401/403 (wrong secret). Each says what to check; none is raised on partial evidence ("every" means every).
 */
export function detectHints(stats: AnswerStats, context: HintContext): SetupHint[] {
  const hints: SetupHint[] = [];
  const untrusted = stats.errors.get('TLS_UNTRUSTED');
  if (untrusted !== undefined) {
    const set = context.extraCaCerts !== undefined && context.extraCaCerts !== '' ? `; it is set now, to ${context.extraCaCerts}, which does not hold the CA that issued it` : '';
    const fix = `for a private CA, run with NODE_EXTRA_CA_CERTS=/path/to/ca.pem${set} (gridX itself trusts only public CAs)`;
    hints.push({ code: 'tls-untrusted', message: `The certificate is not trusted (${plural(untrusted.count, 'delivery', 'deliveries')}: ${safe(untrusted.message)}): ${fix}.` });
  }
  const tls = stats.errors.get('TLS_ERROR');
  if (tls !== undefined) {
    hints.push({
      code: 'tls-error',
      message: `TLS fails (${plural(tls.count, 'delivery', 'deliveries')}: ${safe(tls.message)}): does the certificate name the host in ${context.url}, and is it valid today?`,
    });
  }
  const onlyTls = [...stats.errors.keys()].every((code) => code === 'TLS_UNTRUSTED' || code === 'TLS_ERROR');
  if (stats.deliveries > 0 && stats.answered === 0 && !onlyTls) {
    hints.push({
      code: 'unreachable',
      message: `Nothing answered: is the receiver running and reachable at ${origin(context.url)}? The first ${plural(stats.unansweredAtStart, 'delivery', 'deliveries')} ${howTheyFailed(stats)}.`,
    });
  }
  const statuses = [...stats.statuses.keys()];
  if (stats.answered > 0 && statuses.every((s) => s === 404 || s === 405)) {
    hints.push({ code: 'wrong-path', message: `Every answer was ${statuses.sort().join(' or ')}: is the path right? hookproof sent to ${pathOf(context.url)}.` });
  } else if (redirectsEverything(stats)) {
    const to = stats.firstRedirect !== undefined ? ` to ${safe(resolveAgainst(stats.firstRedirect, context.url))}` : '';
    const statusesOfValid = [...stats.validSigned.statuses.keys()].sort().join(' or ');
    hints.push({
      code: 'redirect',
      message: `Every correctly signed valid event was redirected (${statusesOfValid}): the URL redirects${to}; register the final URL (gridX follows no redirect and counts it as a permanent error, DLV-3).`,
    });
  } else {
    const signed = stats.validSigned;
    const refusals = [...signed.statuses.keys()];
    const answeredSigned = [...signed.statuses.values()].reduce((sum, n) => sum + n, 0);
    if (signed.count > 0 && answeredSigned === signed.count && refusals.every((s) => s === 401 || s === 403)) {
      const rotation =
        context.secrets > 1
          ? ` hookproof sent one digest per secret (${context.secrets}), as gridX does during a rotation: the receiver must accept a digest made with any of its current secrets, in any position`
          : ' During a rotation the receiver must accept a digest made with any of its current secrets';
      hints.push({
        code: 'wrong-secret',
        message: `Every correctly signed valid event (${plural(signed.count, 'case')}) was answered ${refusals.sort().join(' or ')}: is the secret right (the receiver's, exactly, no trailing newline)? Rotation order?${rotation}.`,
      });
    }
  }
  return hints;
}

/** Every correctly signed valid event that got an answer got a 3xx, and at least one did. */
function redirectsEverything(stats: AnswerStats): boolean {
  const statuses = [...stats.validSigned.statuses.keys()];
  return statuses.length > 0 && statuses.every((s) => s >= 300 && s < 400);
}

/** A `Location` as the receiver sent it, made absolute against the target (credentials masked). */
function resolveAgainst(location: string, url: string): string {
  try {
    return maskUrlCredentials(new URL(location, url).toString());
  } catch {
    return location;
  }
}

const FAILURE_WORDS: Partial<Record<DeliveryErrorCode, string>> = {
  TIMEOUT: 'timed out',
  CONNECTION_REFUSED: 'were refused (nothing listens there)',
  CONNECTION_RESET: 'had their connection reset',
  DNS: 'failed: the host name does not resolve',
  PROTOCOL_ERROR: 'got an answer that is not HTTP/1.1',
};

/** The most frequent transport error in words. */
function howTheyFailed(stats: AnswerStats): string {
  const [code, seen] = [...stats.errors.entries()].sort((a, b) => b[1].count - a[1].count)[0] ?? ['OTHER', { count: 0, message: 'no answer' }];
  const words = FAILURE_WORDS[code] ?? `failed: ${code}`;
  return `${words} (${safe(seen.message)})`;
}

function safe(text: string): string {
  return terminalSafe(text.length > 200 ? `${text.slice(0, 199)}…` : text);
}

function origin(url: string): string {
  const match = /^[a-z]+:\/\/[^/?#]*/i.exec(url);
  return match?.[0] ?? url;
}

/** The path as sent (not normalised), without the query, which may carry a token. */
function pathOf(url: string): string {
  const rest = url.slice(origin(url).length);
  const path = rest.split(/[?#]/)[0] ?? '';
  return path === '' ? '/' : path;
}
