import { outcome, deliveryLabel, type SenderCheck } from './SenderCheck';

/** SND-2: every request has a well-formed X-Signature with a digest for the current secret over the exact bytes. */
export const signed: SenderCheck = {
  id: 'snd-signed',
  title: 'X-Signature is well-formed and has a digest for the current secret over the exact bytes',
  requirement: 'SND-2',
  severity: 'required',
  run(run) {
    const { deliveries } = run;
    if (deliveries.length === 0) return { status: 'skip', cases: 0, failures: [], note: 'no delivery received' };
    const failures = deliveries.flatMap((d) =>
      d.signature.ok
        ? []
        : [
            {
              label: `${d.signature.fault}: ${deliveryLabel(d)}`,
              expected: 'sha512=<128 hex> digests (1 to 5), one of them the HMAC-SHA-512 of the exact body under the current secret',
              actual: d.signature.detail,
              delivery: d.index,
            },
          ],
    );
    return outcome(run, deliveries.length, failures);
  },
};
