import { expect as globalsExpect } from '@jest/globals';
import { join } from 'node:path';
import fc from 'fast-check';
import { createEngine, serialiseEvent, sign, typedEventArbitrary } from '../../src';
import { createGridxMatchers, gridxMatchers } from '../../src/jest';
import { UsageError } from '../../src/errors';
import { compactJson } from '../../src/serialise/compactJson';

expect.extend(gridxMatchers);

const engine = createEngine();
const SECRET = 'matcher-secret-4e1b9c';
const [plugged] = fc.sample(typedEventArbitrary(engine, 'ev/plugged', { presence: 'minimal' }), { numRuns: 1, seed: 3 });
if (plugged === undefined) throw new Error('no sample');

/** The message a failing assertion throws. */
function failureOf(assertion: () => void): string {
  try {
    assertion();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('the assertion passed');
}

describe('toBeValidGridxEvent', () => {
  it('passes for a valid event given as an object, JSON text or bytes, with or without a type', () => {
    expect(plugged).toBeValidGridxEvent();
    expect(plugged).toBeValidGridxEvent('ev/plugged');
    expect(JSON.stringify(plugged)).toBeValidGridxEvent('ev/plugged');
    expect(serialiseEvent(plugged)).toBeValidGridxEvent();
  });

  it('fails with every issue and its JSON pointer', () => {
    const broken = { ...plugged, id: 'not-a-uuid', data: { ...plugged.data, state: 'FLYING' } };
    const message = failureOf(() => expect(broken).toBeValidGridxEvent());
    expect(message).toContain('expected the value to be a valid gridX event, but it has 2 issues:');
    expect(message).toContain('/id: /id must match format "uuid"');
    expect(message).toContain('/data/state: /data/state must be one of: "PLUGGED", "UNPLUGGED"');
  });

  it('fails when the event is valid but of another type than asked', () => {
    const message = failureOf(() => expect(plugged).toBeValidGridxEvent('ping'));
    expect(message).toContain('a valid gridX "ping" event');
    expect(message).toContain('/type: /type must be "ping"');
  });

  it('reports a body that is not JSON', () => {
    expect(failureOf(() => expect('{"id":').toBeValidGridxEvent('ping'))).toMatch(/\(root\): the body is not JSON/);
  });

  it('supports .not with a message naming the type found', () => {
    expect({ type: 'ping' }).not.toBeValidGridxEvent();
    expect(failureOf(() => expect(plugged).not.toBeValidGridxEvent())).toBe('expected the value not to be a valid gridX event, but it is a valid "ev/plugged" event');
  });

  it('throws for a type the spec does not define', () => {
    expect(() => expect(plugged).toBeValidGridxEvent('ev/teleported')).toThrow('unknown event type "ev/teleported"');
  });

  it('checks against another spec version when built for it', () => {
    const matcher = createGridxMatchers({ specPath: join(__dirname, '..', 'fixtures', 'specs', 'future-spec.yaml') });
    const result = matcher.toBeValidGridxEvent.call({ isNot: false }, { ...plugged, type: 'inverter/status' });
    expect(result.pass).toBe(false);
    expect(result.message()).toContain('"inverter/status" is not an event type of the spec');
  });
});

describe('toHaveValidSignature', () => {
  const body = serialiseEvent(plugged);
  const header = sign(body, [SECRET]);

  it('passes for a header signed over the exact bytes, with one secret or a rotation', () => {
    expect(header).toHaveValidSignature(body, SECRET);
    expect(header).toHaveValidSignature(body.toString('utf8'), ['old-secret-0000', SECRET]);
    expect(sign(body, ['a-first-secret', SECRET])).toHaveValidSignature(body, SECRET);
  });

  it('fails for another secret, changed bytes, a malformed or a missing header, never printing a secret', () => {
    const wrong = failureOf(() => expect(header).toHaveValidSignature(body, 'another-secret-99'));
    expect(wrong).toBe(
      `expected a valid X-Signature, but none of its 1 digest is the HMAC-SHA-512 of the ${body.length}-byte body under the 1 secret given (wrong secret, or the body bytes differ from those signed)`,
    );
    const reserialised = Buffer.from(JSON.stringify(JSON.parse(body.toString('utf8')), null, 2));
    expect(failureOf(() => expect(header).toHaveValidSignature(reserialised, SECRET))).toContain('the body bytes differ');
    expect(failureOf(() => expect('sha256=abc').toHaveValidSignature(body, SECRET))).toBe(
      'expected a valid X-Signature, but the value is malformed: expected "sha512=" at offset 0, found "sha256="',
    );
    expect(failureOf(() => expect(undefined).toHaveValidSignature(body, SECRET))).toBe('expected a valid X-Signature, but there is none (the header value is undefined)');
    for (const message of [wrong]) expect(message).not.toContain(SECRET);
  });

  it('refuses a parsed body: the digest is over raw bytes (SIG-8)', () => {
    const message = failureOf(() => expect(header).toHaveValidSignature(plugged as unknown as string, SECRET));
    expect(message).toContain('expected the raw body bytes');
    expect(message).toContain('SIG-8');
  });

  it('supports .not for forged headers', () => {
    expect(sign(body, ['forger-secret-77'])).not.toHaveValidSignature(body, SECRET);
    expect(failureOf(() => expect(header).not.toHaveValidSignature(body, SECRET))).toMatch(/^expected the X-Signature not to be valid, but digest 1 matches secret 1 of 1/);
  });
});

describe('types of the matchers', () => {
  it('are declared for the global expect and for @jest/globals', () => {
    globalsExpect.extend(gridxMatchers);
    globalsExpect(plugged).toBeValidGridxEvent('ev/plugged');
    globalsExpect(header()).toHaveValidSignature(compactJson(plugged), [SECRET]);
    globalsExpect(plugged).not.toBeValidGridxEvent('ping');
    // @ts-expect-error the body and the secrets are required
    expect(() => expect(header()).not.toHaveValidSignature()).toThrow("pass the receiver's secret");
    // @ts-expect-error the secrets are required
    expect(() => expect(header()).toHaveValidSignature(compactJson(plugged))).toThrow(UsageError);
  });

  function header(): string {
    return sign(serialiseEvent(plugged), [SECRET]);
  }
});
