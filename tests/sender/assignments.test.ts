import fc from 'fast-check';
import { UsageError } from '../../src/errors';
import { parseAssignment, refuseUnknownPaths } from '../../src/sender';
import { defaultEngine } from '../support/engine';

// `send --set` may only change what the event type's schema has: a mistyped path would add a field
// the receiver ignores, and the delivery would test nothing.
const { catalogue } = defaultEngine();
const dotted = (pointer: string): string => pointer.slice(1).split('/').join('.');

describe('refuseUnknownPaths', () => {
  it('accepts every field of every event type, and every object above one', () => {
    fc.assert(
      fc.property(fc.constantFrom(...catalogue.types), fc.nat(), (eventType, pick) => {
        const known = [...eventType.requiredPaths, ...eventType.optionalPaths];
        const path = dotted(known[pick % known.length] ?? '/type');
        expect(() => refuseUnknownPaths(eventType, [parseAssignment(`${path}=1`)])).not.toThrow();
        const parent = path.split('.').slice(0, -1).join('.');
        if (parent !== '') expect(() => refuseUnknownPaths(eventType, [parseAssignment(`${parent}={}`)])).not.toThrow();
      }),
    );
  });

  it('refuses a field the type does not have, naming the type and the fix', () => {
    fc.assert(
      fc.property(fc.constantFrom(...catalogue.types), fc.stringMatching(/^[a-z][a-zA-Z]{2,12}$/), fc.constantFrom('', 'data.'), (eventType, name, prefix) => {
        const path = `${prefix}${name}`;
        fc.pre(![...eventType.requiredPaths, ...eventType.optionalPaths].some((known) => dotted(known) === path || dotted(known).startsWith(`${path}.`)));
        expect(() => refuseUnknownPaths(eventType, [parseAssignment(`${path}=1`)])).toThrow(UsageError);
        expect(() => refuseUnknownPaths(eventType, [parseAssignment(`${path}=1`)])).toThrow(`${eventType.type} has no field ${path}`);
      }),
    );
  });

  it('suggests the field with the same name one level down', () => {
    const plugged = catalogue.get('ev/plugged');
    expect(() => refuseUnknownPaths(plugged, [parseAssignment('state=PLUGGED')])).toThrow(
      '--set state=PLUGGED: ev/plugged has no field state; did you mean --set data.state=…? (--allow-invalid sends it anyway)',
    );
  });
});
