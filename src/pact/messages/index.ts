export {
  gridxMessagePact,
  type GridxMessagePact,
  type GridxMessagePactOptions,
  type EventExpectation,
  type EventExpectationOptions,
  type EventHandler,
  type ReceivedMessage,
} from './gridxMessagePact';
export { buildExpectedEvent, type ExpectedEvent, type ExpectedEventOptions, type ReliedField } from './expectedEvent';
export { fieldMatcher, type FieldMatcher } from './fieldMatcher';
export { locateField, type FieldLocation, type FieldPromise } from './fieldLocation';
export { readMessagePact, parseMessagePact, type MessagePact, type PactMessage, type MatchingRule, type RuleMatcher } from './messagePactFile';
export { verifyMessagePact, type VerifyMessagePactOptions } from './verifyMessagePact';
export { formatMessagePactReport } from './formatMessagePactReport';
export { PactFileInvalidError } from '../../errors';
export type { MessagePactReport, MessageVerdict, MessageFinding, FindingCode } from './messageReport';
