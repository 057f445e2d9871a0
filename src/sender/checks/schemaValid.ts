import { outcome, deliveryLabel, type SenderCheck } from './SenderCheck';

/** SND-1: every delivered body is a schema-valid event of its type, sent as application/json. */
export const schemaValid: SenderCheck = {
  id: 'snd-schema-valid',
  title: 'every event validates against the schema for its type',
  requirement: 'SND-1',
  severity: 'required',
  run(run) {
    const { deliveries } = run;
    if (deliveries.length === 0) return { status: 'skip', cases: 0, failures: [], note: 'no delivery received' };
    const failures = deliveries.flatMap((d) => {
      if (d.schema.ok) return [];
      const [first, ...rest] = d.schema.issues;
      return [
        {
          label: deliveryLabel(d),
          expected: 'a schema-valid event, sent as application/json',
          actual: `${first ?? 'invalid'}${rest.length > 0 ? ` (+${rest.length} more issue(s))` : ''}`,
          delivery: d.index,
        },
      ];
    });
    return outcome(run, deliveries.length, failures);
  },
};
