import { envelopeFields } from '../../../src/checks/delivery/envelopeFields';
import type { EventType } from '../../../src/schemas/catalogue';
import { defaultEngine } from '../../support/engine';

const eventType = (type: string, properties: Record<string, unknown>, required: string[]): EventType => ({
  type,
  schemaName: type,
  deprecated: false,
  schema: { type: 'object', properties, required },
  requiredPaths: [],
  optionalPaths: [],
});

describe('envelopeFields', () => {
  it("finds the gridX envelope's id, time and subject fields from the schemas alone", () => {
    const { catalogue } = defaultEngine();
    expect(envelopeFields(catalogue.types, catalogue.discriminator)).toEqual({ id: 'id', time: 'time', subject: ['accountID', 'source', 'specVersion'] });
  });

  it('follows the schema, whatever the fields are called', () => {
    const renamed = eventType(
      'x',
      {
        eventId: { type: 'string', format: 'uuid' },
        traceId: { type: 'string', format: 'uuid' },
        occurredAt: { type: 'string', format: 'date-time' },
        tenant: { type: 'string' },
        kind: { type: 'string' },
        mode: { type: 'string', enum: ['a', 'b'] },
      },
      ['eventId', 'occurredAt', 'tenant', 'kind', 'mode'],
    );
    expect(envelopeFields([renamed], 'kind')).toEqual({ id: 'eventId', time: 'occurredAt', subject: ['tenant'] });
  });

  it('says why when a field cannot be told apart, or types disagree', () => {
    const noTime = eventType('a', { id: { type: 'string', format: 'uuid' } }, ['id']);
    const twoTimes = eventType('b', { id: { type: 'string', format: 'uuid' }, t1: { type: 'string', format: 'date-time' }, t2: { type: 'string', format: 'date-time' } }, [
      'id',
      't1',
      't2',
    ]);
    const ok = (time: string): EventType => eventType(time, { id: { type: 'string', format: 'uuid' }, [time]: { type: 'string', format: 'date-time' } }, ['id', time]);
    expect(envelopeFields([noTime], 'type')).toBe('a has no single required date-time property in its envelope');
    expect(envelopeFields([twoTimes], 'type')).toBe('b has no single required date-time property in its envelope');
    expect(envelopeFields([ok('time'), ok('at')], 'type')).toMatch(/do not share one envelope/);
    expect(envelopeFields([], 'type')).toBe('no non-deprecated event type selected');
  });
});
