import type { CaseDelivery, CasePlan, Failure, Reproduction } from '../../evidence/failure';
import type { RecordedRequest } from '../../evidence/recordedRequest';
import type { DerivedDigest, SignatureRecipe } from '../../evidence/signatureRecipe';
import type { BodyLimit, Finding, SetupHint } from '../../evidence/Finding';
import type { ReceiverAnswer } from '../../evidence/ReceiverAnswer';
import type { CoverageTable } from '../../evidence/coverageTable';
import type { CertificationReport, CheckReport, RequirementReport } from '../../evidence/certificationReport';
import type { ReportScope } from '../../evidence/scope';
import { keysOf, type KeyOrder } from './orderKeys';

type Options = CertificationReport['options'];
type Summary = CertificationReport['summary'];
type CoverageRow = CoverageTable['rows'][number];

const ANSWER: KeyOrder = {
  keys: keysOf<ReceiverAnswer>(['status', 'outcome', 'contentType', 'headers', 'body', 'bodyBytes', 'bodyTruncated', 'error', 'durationMs']),
  nested: { error: { keys: ['code', 'message'] } },
};

const REQUEST: KeyOrder = {
  keys: keysOf<RecordedRequest>(['bodyBase64', 'bodyText', 'headers', 'signature', 'redacted', 'truncated']),
  nested: {
    signature: {
      keys: keysOf<SignatureRecipe>(['parts', 'signedBodyBase64', 'fingerprint']),
      nested: {
        parts: { keys: ['digest'], nested: { digest: { keys: keysOf<DerivedDigest>(['secretIndex', 'algorithm', 'over', 'upperCase', 'edit']) } } },
      },
    },
  },
};

const FAILURE: KeyOrder = {
  keys: keysOf<Failure>(['case', 'label', 'variant', 'eventType', 'expected', 'actual', 'answer', 'reproduce', 'request', 'plan']),
  nested: {
    answer: ANSWER,
    reproduce: { keys: keysOf<Reproduction>(['curl', 'replay', 'bodyFile']) },
    request: REQUEST,
    plan: {
      keys: keysOf<CasePlan>(['deliveries', 'retries']),
      nested: { deliveries: { keys: keysOf<CaseDelivery>(['role', 'label', 'batch', 'request']), nested: { request: REQUEST } } },
    },
  },
};

/**
 * report.json's key order: the order of the fields in `report.ts`, whatever order the runner built
 * the objects in, so two reports diff cleanly. Record-like maps (request headers, coverage counts)
 * keep the order they were given in.
 */
export const REPORT_KEY_ORDER: KeyOrder = {
  keys: keysOf<CertificationReport>([
    'formatVersion',
    'digest',
    'subject',
    'tool',
    'spec',
    'target',
    'seed',
    'options',
    'startedAt',
    'finishedAt',
    'provenance',
    'verdict',
    'verdictReason',
    'scope',
    'gone',
    'recheck',
    'summary',
    'hints',
    'findings',
    'checks',
    'requirements',
    'coverage',
  ]),
  nested: {
    tool: { keys: keysOf<CertificationReport['tool']>(['name', 'version']) },
    spec: { keys: keysOf<CertificationReport['spec']>(['path', 'sha256', 'title', 'version']) },
    target: { keys: keysOf<CertificationReport['target']>(['url', 'trust']) },
    options: { keys: keysOf<Options>(['runs', 'timeoutMs', 'maxEventBytes', 'concurrency', 'allowHttp', 'types', 'checks', 'secrets']) },
    scope: { keys: keysOf<ReportScope>(['level', 'narrowed', 'details']) },
    gone: { keys: keysOf<NonNullable<CertificationReport['gone']>>(['caseLabel']) },
    summary: { keys: keysOf<Summary>(['pass', 'fail', 'warn', 'skip', 'blocked', 'inconclusive', 'cases']) },
    hints: { keys: keysOf<SetupHint>(['code', 'message']) },
    findings: {
      keys: keysOf<Finding>(['title', 'severity', 'explains', 'blocks', 'cases', 'eventTypes', 'expected', 'answer', 'bodyLimit', 'failures']),
      nested: { answer: ANSWER, bodyLimit: { keys: keysOf<BodyLimit>(['refused', 'refusedFromBytes', 'refusedUpToBytes', 'acceptedUpToBytes', 'budgetBytes']) } },
    },
    checks: {
      keys: keysOf<CheckReport>(['id', 'title', 'requirement', 'severity', 'status', 'cases', 'durationMs', 'failures', 'note', 'blockedBy']),
      nested: { failures: FAILURE },
    },
    requirements: { keys: keysOf<RequirementReport>(['id', 'severity', 'summary', 'status', 'checks']) },
    coverage: {
      keys: keysOf<CoverageTable>(['variants', 'rows']),
      nested: { rows: { keys: keysOf<CoverageRow>(['type', 'counts']) } },
    },
  },
};
