import type { ProgressEvent } from '../../../src/evidence/progressEvent';
import { runCertification } from '../../../src/runner/runCertification';
import type { CertificationReport } from '../../../src/evidence/certificationReport';
import { SECRET } from './secret';
import { TRANSPORT_TYPES } from '../../support/transportTypes';

/**
 * A real certification run with small, fixed settings (5 runs per property, seed 7, http allowed),
 * every check over TRANSPORT_TYPES: the writers render three coverage rows as they render 23.
 */
export function certify(url: string, onProgress?: (event: ProgressEvent) => void, reportPath?: string): Promise<CertificationReport> {
  return runCertification({
    url,
    secrets: [SECRET],
    allowHttp: true,
    seed: 7,
    runs: 5,
    types: TRANSPORT_TYPES,
    timeoutMs: 2000,
    retryBaseDelayMs: 5,
    ...(reportPath !== undefined ? { reportPath } : {}),
    ...(onProgress !== undefined ? { onProgress } : {}),
  });
}
