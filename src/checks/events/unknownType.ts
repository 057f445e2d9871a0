import type fc from 'fast-check';
import type { Check } from '../check';
import type { CheckContext, PropertySpec } from '../checkContext';
import { expectNotTransient } from '../expectations';
import { foreignTypeArbitrary, type UnknownTypeEvent } from '../../arbitraries/foreignTypeArbitrary';
import { siblingTypeArbitrary } from '../../arbitraries/siblingTypeArbitrary';
import { runsEach } from '../runsEach';
import { skipWithoutTypes } from '../skipWithoutTypes';

export const unknownType: Check = {
  id: 'evt-unknown-type',
  title: 'An event of a type the spec does not define is not answered with a transient status',
  requirement: 'EVT-6',
  severity: 'recommended',
  async run(ctx) {
    const skip = skipWithoutTypes(ctx.types);
    if (skip !== undefined) return skip;
    const { catalogue } = ctx.engine;
    const sibling = siblingTypeArbitrary(catalogue, ctx.types);
    const parts = [await ctx.forAll(property(ctx, 'new-namespace', foreignTypeArbitrary(catalogue, ctx.types)))];
    if (sibling !== undefined) parts.push(await ctx.forAll(property(ctx, 'new-type-in-family', sibling)));
    return ctx.outcome(parts);
  },
};

function property(ctx: CheckContext, name: string, arbitrary: fc.Arbitrary<UnknownTypeEvent>): PropertySpec<UnknownTypeEvent> {
  return {
    name,
    arbitrary,
    runs: runsEach(ctx, 2),
    toCase: ({ unknownType: type, sourceType, body }) => ({
      label: `unknown type ${JSON.stringify(type)}`,
      eventType: sourceType,
      variant: 'invalid:unknown-type',
      body,
      signature: ctx.sign(body),
    }),
    judge: (_value, result) => expectNotTransient(result),
    // Counts against EVT-6 only if the same event under its own type is accepted.
    control: ({ sourceType, knownBody }) => ({
      label: `the same event as a ${sourceType} event`,
      eventType: sourceType,
      variant: 'valid',
      body: knownBody,
      signature: ctx.sign(knownBody),
    }),
  };
}
