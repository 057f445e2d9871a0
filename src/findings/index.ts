/** Root causes of a run's failures: the receiver's own answers, grouped into findings, and set-up hints. */
export type { ReceiverAnswer, AnswerHeaderName } from '../evidence/ReceiverAnswer';
export { ANSWER_BODY_BYTES } from '../evidence/ReceiverAnswer';
export type { Finding, SetupHint, SetupHintCode } from '../evidence/Finding';
export { captureAnswer } from './captureAnswer';
export { describeAnswer, answerLines } from './describeAnswer';
export { answerKey, normaliseText } from './answerKey';
export { AnswerLedger, type AnswerStats } from './AnswerLedger';
export { buildFindings } from './buildFindings';
export { detectHints, type HintContext } from './detectHints';
export { findingLines, findingLine } from './findingLines';
export { requirementList } from './requirementList';
