import type { Failure, Reproduction } from '../../checks/check';
import type { RecordedRequest } from '../../checks/recordedRequest';
import type { SignatureRecipe, SignedDigest } from '../../checks/signatureRecipe';
import type { CoverageTable } from '../../runner/coverage';
import type { CertificationReport, CheckReport, RequirementReport } from '../report';
import { keysOf, type KeyOrder } from './orderKeys';

type Options = CertificationReport['options'];
type Summary = CertificationReport['summary'];
type CoverageRow = CoverageTable['rows'][number];

const FAILURE: KeyOrder = {
  keys: keysOf<Failure>(['case', 'label', 'expected', 'actual', 'reproduce', 'request']),
  nested: {
    reproduce: { keys: keysOf<Reproduction>(['curl', 'replay']) },
    request: {
      keys: keysOf<RecordedRequest>(['bodyBase64', 'bodyText', 'headers', 'signature']),
      nested: {
        signature: {
          keys: keysOf<SignatureRecipe>(['header', 'signedDigests']),
          nested: { signedDigests: { keys: keysOf<SignedDigest>(['position', 'secretIndex', 'upperCase']) } },
        },
      },
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
    'formatVersion', 'subject', 'tool', 'spec', 'target', 'seed', 'options', 'startedAt', 'finishedAt',
    'verdict', 'gone', 'summary', 'checks', 'requirements', 'coverage',
  ]),
  nested: {
    tool: { keys: keysOf<CertificationReport['tool']>(['name', 'version']) },
    spec: { keys: keysOf<CertificationReport['spec']>(['path', 'sha256', 'title', 'version']) },
    target: { keys: keysOf<CertificationReport['target']>(['url', 'trust']) },
    options: { keys: keysOf<Options>(['runs', 'timeoutMs', 'concurrency', 'allowHttp', 'types', 'checks', 'secrets']) },
    gone: { keys: keysOf<NonNullable<CertificationReport['gone']>>(['caseLabel']) },
    summary: { keys: keysOf<Summary>(['pass', 'fail', 'warn', 'skip', 'cases']) },
    checks: {
      keys: keysOf<CheckReport>(['id', 'title', 'requirement', 'severity', 'status', 'cases', 'durationMs', 'failures', 'note']),
      nested: { failures: FAILURE },
    },
    requirements: { keys: keysOf<RequirementReport>(['id', 'severity', 'summary', 'status', 'checks']) },
    coverage: {
      keys: keysOf<CoverageTable>(['variants', 'rows']),
      nested: { rows: { keys: keysOf<CoverageRow>(['type', 'counts']) } },
    },
  },
};
