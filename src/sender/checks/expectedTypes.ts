import { outcome, deliveryLabel, type SenderCheck } from './SenderCheck';

/** `--expect`: every expected type arrives, and no other. Not a contract requirement: the user's own. */
export const expectedTypes: SenderCheck = {
  id: 'listen-expected-types',
  title: 'the expected event types arrive, and no other',
  requirement: 'EXPECT',
  severity: 'required',
  run(run) {
    const { deliveries, expect } = run;
    if (expect === undefined) return { status: 'skip', cases: 0, failures: [], note: 'no --expect given' };
    const wanted = new Set(expect);
    const failures = deliveries
      .filter((d) => d.type === undefined || !wanted.has(d.type))
      .map((d) => ({
        label: `unexpected: ${deliveryLabel(d)}`,
        expected: `only ${expect.join(', ')}`,
        actual: `${d.type ?? 'an event without a type'} arrived`,
        delivery: d.index,
      }));
    const seen = new Set(deliveries.map((d) => d.type));
    const missing = expect.filter((type) => !seen.has(type));
    const result = outcome(run, deliveries.length, failures, missing.length > 0 ? `never arrived: ${missing.join(', ')}` : undefined);
    return missing.length > 0 ? { ...result, status: 'fail' } : result;
  },
};
