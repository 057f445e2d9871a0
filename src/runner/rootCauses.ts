import { buildFindings, detectHints, type AnswerLedger, type Finding, type HintContext, type SetupHint } from '../findings';
import { explainBodyLimit } from '../findings/bodyLimitFinding';
import { explainReserialised } from '../findings/reserialisedBody';
import type { CheckReport } from '../evidence/certificationReport';

/**
 * A run's set-up hints and findings, as report.json carries them (no empty lists). `budgetBytes`,
 * the run's --max-event-bytes, is named in the finding of 413 answers.
 */
export function rootCauses(
  checks: readonly CheckReport[],
  answers: AnswerLedger,
  context: Omit<HintContext, 'extraCaCerts'>,
  budgetBytes?: number,
): { hints?: readonly SetupHint[]; findings?: readonly Finding[] } {
  const extra = process.env.NODE_EXTRA_CA_CERTS;
  const hints = detectHints(answers.stats(), { ...context, ...(extra !== undefined && extra !== '' ? { extraCaCerts: extra } : {}) });
  const findings = explainReserialised(explainBodyLimit(buildFindings(checks, answers), answers.bodySizes(), budgetBytes), answers.reserialisedBy());
  return { ...(hints.length > 0 ? { hints } : {}), ...(findings.length > 0 ? { findings } : {}) };
}
