import { childFailureOf } from '../../errors';
import type { FromVerifier, ToVerifier } from './verifierMessages';
import { verifyInThisProcess } from './verifyInThisProcess';

// The entry of the Pact verifier's own process (see verifyInChild): the native core writes its
// report to this process's stdout, which the parent reads line by line through its escaping sink.

const send = (message: FromVerifier): void => {
  process.send?.(message);
};

process.on('message', (message: ToVerifier) => {
  verifyInThisProcess(message.job).then(
    (result) => send({ kind: 'done', result }),
    (error: unknown) => send({ kind: 'failed', ...childFailureOf(error) }),
  );
});
// Without its parent (ended, or killed before it could end this one) nobody reads the result: go,
// rather than verify on as an orphan.
process.on('disconnect', () => process.exit(1));
send({ kind: 'ready' });
