import fc from 'fast-check';
import { eventArbitrary, INVALID_KINDS, invalidEventArbitrary, type InvalidCase, type InvalidKind } from '../../arbitraries';
import type { Check } from '../check';
import type { CheckContext, PropertyOutcome } from '../checkContext';
import { expectSuccessOrPermanent4xx } from '../expectations';
import { invalidCaseIsolator } from './invalidCaseIsolator';
import { plainValues } from '../../arbitraries/plainValues';
import { signedEventCase } from './signedCase';
import { runsEach } from '../runsEach';
import { skipWithoutTypes } from '../skipWithoutTypes';

/** An invalid case, and its control: a plain, complete valid event of the same type. */
interface ControlledCase {
  readonly invalid: InvalidCase;
  readonly valid: unknown;
}

/** Unknown types are EVT-6's (judged more leniently there): a receiver is not blamed twice for them. */
const KINDS: readonly InvalidKind[] = INVALID_KINDS.filter((k) => k !== 'unknown-type');

/**
 * EVT-7. A wrong answer to an invalid case counts against EVT-7 only if a valid event of the same
 * type is accepted (its control); otherwise it is blocked by what the control's answer breaks.
 */
export const invalidEvents: Check = {
  id: 'evt-invalid-events',
  title: 'Schema-invalid events and non-JSON bodies get a permanent 4xx or success, never a transient status',
  requirement: 'EVT-7',
  severity: 'recommended',
  async run(ctx) {
    const skip = skipWithoutTypes(ctx.types);
    if (skip !== undefined) return skip;
    // One property per kind of breakage, so each kind that breaks the receiver gets its own shrunk case.
    const parts: PropertyOutcome[] = [];
    const absent: InvalidKind[] = [];
    for (const kind of KINDS) {
      const arbitrary = casesOf(ctx, kind);
      if (arbitrary === undefined) {
        absent.push(kind);
        continue;
      }
      parts.push(
        await ctx.forAll({
          name: kind,
          arbitrary,
          runs: runsEach(ctx, 2),
          toCase: ({ invalid: c }) => ({ label: c.label, eventType: c.sourceType, variant: `invalid:${c.kind}`, body: c.body, signature: ctx.sign(c.body) }),
          judge: (_case, result) => expectSuccessOrPermanent4xx(result),
          control: ({ invalid, valid }) => signedEventCase(ctx, valid, `a valid ${invalid.sourceType} event`, invalid.sourceType, 'valid'),
        }),
      );
    }
    return ctx.outcome(parts, absent.length > 0 ? `no selected type allows a case of kind ${absent.join(', ')}` : undefined);
  },
};

/** Invalid cases of one kind over every selected type that has such a case. */
function casesOf(ctx: CheckContext, kind: InvalidKind): fc.Arbitrary<ControlledCase> | undefined {
  const arbitraries = ctx.types.flatMap((t) => {
    const isolate = invalidCaseIsolator(t);
    const plain = plainValues(t);
    try {
      const cases = invalidEventArbitrary(ctx.engine.catalogue, t, { kinds: [kind] });
      return [fc.tuple(cases, fc.noShrink(eventArbitrary(t, { presence: 'full' }))).map(([c, full]): ControlledCase => ({ invalid: isolate(c, full), valid: plain(full) }))];
    } catch (error) {
      if (error instanceof RangeError) return []; // this type has no field to break that way
      throw error;
    }
  });
  return arbitraries.length === 0 ? undefined : fc.oneof(...arbitraries);
}
