import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UnknownEventTypeError, UsageError } from '../../../src/errors';
import { DATE_TIME_REGEX, UUID_REGEX } from '../../../src/pact/regexes';
import { gridxMessagePact } from '../../../src/pact/messages/gridxMessagePact';
import { defaultEngine } from '../../support/engine';
import { readPact, tempPactDir } from './support/pactFiles';
import { createSampleReceiver } from './support/sampleReceiver';

// A receiver's own jest suite, as a partner would write it: each test declares an event the receiver
// consumes and runs the real handler on it; the real Pact core writes the V4 message pact.
describe('gridxMessagePact: the receiver (consumer) side of a message pact', () => {
  const temp = tempPactDir();
  const pact = gridxMessagePact({ consumer: 'acme-receiver', provider: 'gridx-webhooks', dir: temp.dir, engine: defaultEngine() });
  const pactFile = join(temp.dir, 'acme-receiver-gridx-webhooks.json');
  const receiver = createSampleReceiver();

  afterAll(() => temp.cleanup());

  it('runs the handler on an ev/plugged event holding exactly the declared fields and returns its result', async () => {
    const expectation = pact.expectsEvent('ev/plugged', { fields: ['/data/state', '/data/assetID'] });
    let received: Record<string, unknown> | undefined;
    const result = await expectation.verify(async (event, message) => {
      received = event;
      expect(message.type).toBe('ev/plugged');
      expect(JSON.parse(message.body.toString('utf8'))).toEqual(event);
      return receiver.handle(event);
    });
    expect(result).toBe('stored');
    expect(received).toEqual({ type: 'ev/plugged', data: { assetID: expect.stringMatching(new RegExp(UUID_REGEX)), state: expect.stringMatching(/^(PLUGGED|UNPLUGGED)$/) } });
    expect(receiver.plugState.size).toBe(1);
  });

  it('takes example values, a provider state and optional fields (their parents and required sub-fields come along)', async () => {
    await pact
      .expectsEvent('ev/plugged', { fields: ['/data/state', '/data/assetID'], values: { '/data/state': 'UNPLUGGED' }, description: 'ev/plugged while unplugged' })
      .verify((event) => receiver.handle(event));
    expect([...receiver.plugState.values()]).toContain('UNPLUGGED');

    const failed = pact.expectsEvent('ev/charge-failed', { fields: ['/data/failureReason'], given: 'a charge failed' });
    expect(failed.expected.fields.map((f) => `${f.pointer}:${f.promise}`)).toEqual([
      '/type:required',
      '/data/failureReason:optional',
      '/data/failureReason/type:optional',
      '/data/failureReason/detail:optional',
    ]);
    await failed.verify((event) => receiver.handle(event));
    expect(receiver.failures).toHaveLength(1);
  });

  it('writes nothing when the handler throws, and rejects with its error', async () => {
    const boom = new Error('handler broke');
    await expect(pact.expectsEvent('ev/unplugged', { fields: ['/data/assetID'] }).verify(() => Promise.reject(boom))).rejects.toBe(boom);
    expect(readPact(pactFile).interactions.map((i) => i.description)).not.toContain('ev/unplugged event relying on /data/assetID');
  });

  it('has written a V4 pact of asynchronous messages with schema-derived matchers and the risks as comments', () => {
    const file = readPact(pactFile);
    expect(file.consumer.name).toBe('acme-receiver');
    expect(file.provider.name).toBe('gridx-webhooks');
    expect(file.metadata.pactSpecification.version).toBe('4.0');
    expect(file.interactions.map((i) => [i.type, i.description]).sort()).toEqual([
      ['Asynchronous/Messages', 'ev/charge-failed event relying on /data/failureReason'],
      ['Asynchronous/Messages', 'ev/plugged event relying on /data/state, /data/assetID'],
      ['Asynchronous/Messages', 'ev/plugged while unplugged'],
    ]);
    const plugged = file.interactions.find((i) => i.description === 'ev/plugged while unplugged');
    expect(plugged?.contents.content).toEqual({ type: 'ev/plugged', data: { assetID: expect.any(String), state: 'UNPLUGGED' } });
    expect(plugged?.matchingRules?.body).toEqual({
      '$.type': { combine: 'AND', matchers: [{ match: 'equality' }] },
      '$.data.assetID': { combine: 'AND', matchers: [{ match: 'regex', regex: UUID_REGEX }] },
      '$.data.state': { combine: 'AND', matchers: [{ match: 'regex', regex: '^(?:PLUGGED|UNPLUGGED)$' }] },
    });
    const failed = file.interactions.find((i) => i.description.startsWith('ev/charge-failed'));
    expect(failed?.providerStates).toEqual([{ name: 'a charge failed' }]);
    expect(failed?.comments?.text).toContain('relies on /data/failureReason, which the spec lets gridX omit');
    expect(failed?.comments?.text?.[0]).toMatch(/^built by hookproof from the gridX spec with sha256 [0-9a-f]{64}$/);
  });

  it('refuses, before anything is written, fields the spec does not have, unknown types and invalid values', () => {
    expect(() => pact.expectsEvent('ev/plugged', { fields: ['/data/colour'] })).toThrow(UsageError);
    expect(() => pact.expectsEvent('ev/plugged', { fields: ['/data/colour'] })).toThrow(/the spec has no field \/data\/colour in ev\/plugged events \(it has: \/id, /);
    expect(() => pact.expectsEvent('ev/teleported', { fields: [] })).toThrow(UnknownEventTypeError);
    expect(() => pact.expectsEvent('ev/plugged', { fields: ['/data/state'], values: { '/data/state': 'HALF' } })).toThrow(
      /the example ev\/plugged event is not valid: \/data\/state must be one of: "PLUGGED", "UNPLUGGED"/,
    );
    expect(() => pact.expectsEvent('ev/plugged', { fields: ['/data/state'], values: { '/data/atHome': true } })).toThrow(
      /a value is given for \/data\/atHome, which is not one of the fields/,
    );
    expect(() => pact.expectsEvent('ev/plugged', { fields: ['data/state'] })).toThrow(/is not a JSON pointer/);
  });

  it('derives matchers from the schema: uuid and date-time by regex, booleans by type, the type by equality', () => {
    const { expected } = pact.expectsEvent('ev/plugged', { fields: 'required' });
    const matchers = Object.fromEntries(expected.fields.map((f) => [f.pointer, f.matcher]));
    expect(matchers['/id']).toEqual({ match: 'regex', regex: UUID_REGEX });
    expect(matchers['/time']).toEqual({ match: 'regex', regex: DATE_TIME_REGEX });
    expect(matchers['/data/atHome']).toEqual({ match: 'type' });
    expect(matchers['/type']).toEqual({ match: 'equality' });
    expect(matchers['/data']).toBeUndefined(); // an object is matched by its fields
    expect(defaultEngine().validators.validateAs('ev/plugged', expected.example).valid).toBe(true);
  });

  it('is deterministic: the same declarations and seed give the same pact file, byte for byte', async () => {
    const files = await Promise.all(
      [tempPactDir(), tempPactDir()].map(async (dir) => {
        const again = gridxMessagePact({ consumer: 'acme-receiver', dir: dir.dir, engine: defaultEngine() });
        await again.expectsEvent('ev/measurement', { fields: ['/data/chargePower', '/time'] }).verify(() => undefined);
        const text = readFileSync(join(dir.dir, 'acme-receiver-gridx-webhooks.json'), 'utf8');
        dir.cleanup();
        return text;
      }),
    );
    expect(files[0]).toBe(files[1]);
    expect(existsSync(pactFile)).toBe(true);
  });
});
