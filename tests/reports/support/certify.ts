import type { ProgressEvent } from '../../../src/evidence/progressEvent';
import { runCertification } from '../../../src/runner/runCertification';
import type { CertificationReport } from '../../../src/evidence/certificationReport';
import { SECRET } from './secret';

/** A real certification run with small, fixed settings (5 runs per property, seed 7, http allowed). */
export function certify(url: string, onProgress?: (event: ProgressEvent) => void, reportPath?: string): Promise<CertificationReport> {
  return runCertification({
    url,
    secrets: [SECRET],
    allowHttp: true,
    seed: 7,
    runs: 5,
    timeoutMs: 2000,
    retryBaseDelayMs: 5,
    ...(reportPath !== undefined ? { reportPath } : {}),
    ...(onProgress !== undefined ? { onProgress } : {}),
  });
}
