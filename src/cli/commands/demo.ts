import { randomBytes } from 'node:crypto';
import { startReferenceReceiver } from '../../receiver';
import type { CommandRegistration, CommonOptions } from '../command';
import { exitCodeForOutcome, type ExitCode } from '../exitCodes';
import type { CliIO } from '../io';
import { numberOption } from '../numberOption';
import { certifyAndReport } from './certify';
import { reportDirOption } from '../options';
import { invocationOf } from '../invocation';

export interface DemoOptions extends CommonOptions {
  readonly reportDir: string;
  readonly runs?: number;
  readonly seed?: number;
}

/**
 * `hookproof demo` (what `npm start` runs): starts the embedded reference receiver on loopback with
 * a fresh random secret and certifies it end to end, so a newcomer sees a real run with no URL.
 */
export async function runDemo(options: DemoOptions, io: CliIO): Promise<ExitCode> {
  const secret = randomBytes(32).toString('hex');
  const receiver = await startReferenceReceiver({ secrets: [secret], host: '127.0.0.1' });
  const url = `${receiver.url}hooks/gridx`;
  io.out(`hookproof: certifying the embedded reference receiver at ${url} (plain http on loopback, so TLS-1 is a warning)`);
  try {
    const report = await certifyAndReport(
      {
        url,
        secrets: [secret],
        specPath: options.spec,
        allowHttp: true,
        ...(options.runs !== undefined ? { runs: options.runs } : {}),
        ...(options.seed !== undefined ? { seed: options.seed } : {}),
        invocation: invocationOf(
          ['demo'],
          [
            ['--spec', options.spec],
            ['--report-dir', options.reportDir],
            ['--runs', options.runs],
            ['--seed', options.seed],
          ],
        ),
      },
      options.reportDir,
      io,
    );
    return exitCodeForOutcome(report.verdict !== 'pass');
  } finally {
    await receiver.close();
  }
}

export const demoCommand: CommandRegistration = {
  name: 'demo',
  readsSpec: true,
  define(command) {
    command
      .description('certify the embedded reference receiver on loopback (what `npm start` runs)')
      .addOption(reportDirOption('where to write the reports (its own directory, so that ./hookproof-report is left alone)', './hookproof-demo-report'))
      .addOption(numberOption('--runs', 'n', 'cases per property (default 100)'))
      .addOption(numberOption('--seed', 'n', 'seed for the generated cases'));
  },
  run(parsed, io) {
    // Commander leaves out the options not given (optional means absent), and the flags are named after the fields.
    return runDemo(parsed.opts<DemoOptions>(), io);
  },
};
