// The CLI entry point (bin/hookproof.js runs its compiled form from dist/; the tests run this file through tsx). The only place that exits the process.
import { processIO } from './io';
import { runCli } from './runCli';

const debug = (process.env.HOOKPROOF_DEBUG ?? '') !== '' && process.env.HOOKPROOF_DEBUG !== '0';

// `hookproof types | head -1` closes stdout early: that is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

void runCli(process.argv.slice(2), processIO(), { debug }).then((code) => {
  process.exitCode = code;
  // Let buffered output reach its pipe before exiting.
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
});
