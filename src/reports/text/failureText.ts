import type { Failure } from '../../evidence/failure';
import { answerReason } from '../../findings/answerReason';
import { answerLines } from '../../findings/describeAnswer';
import { printableCurl } from '../../checks/reproduce';

/** The line that tells a reader where the curl reproduction's signature comes from. */
export const CURL_HINT = "reproduce with curl (export HOOKPROOF_SECRET=<the receiver's secret> first; hookproof never writes it):";

/** One line: what was sent and what came back, with the receiver's own words when it gave any. */
export function failureHeadline(failure: Failure): string {
  const reason = failure.answer !== undefined ? answerReason(failure.answer) : '';
  return `${failure.label}: expected ${failure.expected}, got ${failure.actual}${reason !== '' ? ` (${reason})` : ''}`;
}

/**
 * A failure as plain text lines (JUnit failure text, console summary): case, label, expected,
 * actual, then the curl snippet and the replay command, each ready to copy.
 */
export function failureLines(failure: Failure, options: { readonly replay?: boolean } = {}): string[] {
  const replay = options.replay ?? true;
  return [
    `case:     ${failure.case}`,
    `label:    ${failure.label}`,
    `expected: ${failure.expected}`,
    `actual:   ${failure.actual}`,
    // The receiver's own words (its status, headers and body) say why more often than the status does.
    ...(failure.answer !== undefined ? answerLines(failure.answer) : []),
    CURL_HINT,
    // Indented so the commands stand out from the labels; shells ignore the leading spaces.
    // A body above 2 KB is copied from its file beside report.json: no line longer than a screen.
    ...printableCurl(failure.reproduce, replay)
      .split('\n')
      .map((line) => `  ${line}`),
    // The replay command needs report.json; callers that wrote none leave it out.
    ...(replay ? ['or replay it with hookproof:', `  ${failure.reproduce.replay}`] : []),
  ];
}
