/** The sender's side of the contract (SND-1…3): judge a sender with a listener; send one event. */
export { parseDuration, type DurationOption } from './parseDuration';
export { parseRespondScript, scriptedStatus, type RespondScript } from './listen/respondScript';
export type { ReceivedDelivery } from './listen/ReceivedDelivery';
export { judgeBody, type BodyJudgement } from './listen/judgeBody';
export { judgeSignature, type SignatureJudgement, type SignatureFault } from './listen/judgeSignature';
export { createListenHandler, type ListenHandler, type ListenHandlerOptions } from './listen/createListenHandler';
export { startListener, type Listener, type ListenerOptions } from './listen/startListener';
export { listenUntil, type ListenSession, type ListenSessionOptions } from './listen/listenUntil';
export { deliveryLine } from './listen/deliveryLine';
export { recordLine } from './listen/recordLine';
export {
  judgeRetries,
  RETRY_JUDGE_DEFAULTS,
  type RetryAttempt,
  type RetryJudgeOptions,
  type RetryJudgement,
  type RetryViolation,
  type RetryViolationKind,
  type EventHistory,
  type EventState,
} from './retryJudge';
export { SENDER_CHECKS, type ListenRun, type SenderCheck, type SenderCheckOutcome, type SenderCheckStatus, type SenderFailure } from './checks';
export type { ListenReport, ListenStop, SenderCheckReport, SenderRequirementReport } from './report/ListenReport';
export { buildListenReport, type ListenReportInput } from './report/buildListenReport';
export { toCertificationReport, type AdaptedListenReport, type ListenReportExtension } from './report/toCertificationReport';
export { writeListenReports } from './report/writeListenReports';
export { renderListenSummary, type ListenSummaryOptions } from './report/renderListenSummary';
export { parseAssignment, applyAssignments, refuseUnknownPaths, type Assignment } from './send/assignments';
export { generateEvent } from './send/generateEvent';
export { eventBody, type EventSource } from './send/eventBody';
export { signedDelivery } from './send/signedDelivery';
export { requestLines, answerLines, consequence } from './send/describeExchange';
