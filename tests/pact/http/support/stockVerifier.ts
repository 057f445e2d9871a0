import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pactCliBinary } from '../../../../src/pact/broker/pactCliBinary';
import { tempDir } from './pacts';

/** One interaction's result as the stock Rust verifier's JSON report (`-j`) has it. */
export interface StockVerdict {
  readonly description: string;
  readonly passed: boolean;
}

/**
 * Runs the stock Rust verifier of @pact-foundation/pact-cli (`pact verifier -f <pact> -h -p`) with
 * no state-change URL, no request filter and no hookproof code in between: what a partner on any
 * Pact stack gets. Resolves each interaction's result from the verifier's own JSON report.
 */
export function stockVerify(pactFile: string, receiverUrl: string): Promise<StockVerdict[]> {
  const { hostname, port } = new URL(receiverUrl);
  const report = join(tempDir(), 'verification.json');
  const args = ['verifier', '-f', pactFile, '-h', hostname, '-p', port, '--no-colour', '-j', report, '--request-timeout', '5000'];
  return new Promise((resolve, reject) => {
    execFile(pactCliBinary(), args, { env: { ...process.env, PACT_DO_NOT_TRACK: 'true' }, timeout: 170_000 }, (error) => {
      let parsed: { interactionResults?: Array<{ description: string; result: string }> };
      try {
        parsed = JSON.parse(readFileSync(report, 'utf8')) as typeof parsed;
      } catch {
        reject(error ?? new Error('the verifier wrote no report'));
        return;
      }
      resolve((parsed.interactionResults ?? []).map((r) => ({ description: r.description, passed: r.result === 'OK' })));
    });
  });
}
