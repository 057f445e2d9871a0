import type { BodyLimit, Finding } from '../evidence/Finding';
import type { Severity } from '../contract/requirements';
import type { BodySizeStats } from './bodySizes';
import { answerReason } from './answerReason';

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { required: 0, recommended: 1, informational: 2 };

/**
 * A 413 is its own finding, whatever the receiver's words: the findings of 413 answers become one,
 * in the place of the first, titled with where the receiver's body limit lies (the smallest body
 * refused, the largest accepted) and what gridX needs, with those sizes in `bodyLimit`. Other
 * findings are returned unchanged.
 */
export function explainBodyLimit(findings: readonly Finding[], sizes: BodySizeStats, budgetBytes?: number): Finding[] {
  const tooLarge = findings.filter((f) => f.answer?.status === 413);
  const [first] = tooLarge;
  if (first === undefined) return [...findings];
  const refused = sizes.tooLarge;
  const bodyLimit: BodyLimit | undefined =
    refused === undefined
      ? undefined
      : {
          refused: refused.count,
          refusedFromBytes: refused.smallest,
          refusedUpToBytes: refused.largest,
          ...(sizes.largestAccepted !== undefined ? { acceptedUpToBytes: sizes.largestAccepted } : {}),
          ...(budgetBytes !== undefined ? { budgetBytes } : {}),
        };
  const merged: Finding = {
    ...first,
    title: bodyLimitTitle(first, bodyLimit),
    cases: tooLarge.reduce((sum, f) => sum + f.cases, 0),
    eventTypes: union(tooLarge.flatMap((f) => f.eventTypes)).sort(),
    explains: union(tooLarge.flatMap((f) => f.explains)),
    blocks: union(tooLarge.flatMap((f) => f.blocks)).filter((id) => !tooLarge.some((f) => f.explains.includes(id))),
    failures: tooLarge.flatMap((f) => f.failures),
    severity: tooLarge.map((f) => f.severity).sort((a, b) => SEVERITY_RANK[a] - SEVERITY_RANK[b])[0] ?? first.severity,
    ...(bodyLimit !== undefined ? { bodyLimit } : {}),
  };
  return findings.flatMap((f) => (f === first ? [merged] : f.answer?.status === 413 ? [] : [f]));
}

function bodyLimitTitle(first: Finding, limit: BodyLimit | undefined): string {
  // The status's own name first: an error page's title often says no more than "Error" (Express's does).
  const reason = first.answer === undefined ? '' : answerReason(first.answer);
  const answer = `413 Payload Too Large${reason !== '' && !/^error$/i.test(reason) ? ` (${reason})` : ''}`;
  if (limit === undefined) return `Bodies are refused as too large: ${answer}. gridX events are a few KB, and must be accepted whatever their size`;
  const below = bytes(limit.refusedFromBytes);
  const accepted = limit.acceptedUpToBytes !== undefined ? `; accepted: bodies up to ${bytes(limit.acceptedUpToBytes)}` : '';
  const budget = limit.budgetBytes !== undefined ? `, and this run's bodies go up to ${bytes(limit.budgetBytes)} (--max-event-bytes)` : '';
  const range = limit.refusedFromBytes === limit.refusedUpToBytes ? below : `${below} to ${bytes(limit.refusedUpToBytes)}`;
  return (
    `Bodies of ${below} and more are refused: ${answer}. Your body limit is below ${below}; gridX events are a few KB, ` +
    `with long texts up to tens of KB${budget}: raise the limit (Express: express.raw({ limit: '1mb' })). ` +
    `Refused: ${limit.refused} bodies of ${range}${accepted}`
  );
}

function bytes(n: number): string {
  return `${n.toLocaleString('en-US')} bytes`;
}

function union<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
