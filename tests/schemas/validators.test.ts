import { defaultEngine } from '../support/engine';

const { validators } = defaultEngine();
const base = { id: '5eda17ec-4dc9-46d5-b3b8-c396f75a760f', accountID: 'a', source: '/s', specVersion: '1.0', time: '2024-01-01T00:00:00Z' };
const plugged = { ...base, type: 'ev/plugged', data: { systemID: base.id, assetID: base.id, gatewayID: base.id, issuedAt: base.time, atHome: true, state: 'PLUGGED' } };

describe('validators', () => {
  it('accept a valid event by its type', () => {
    expect(validators.validate(plugged)).toEqual({ valid: true, type: 'ev/plugged' });
  });

  it('name the broken field with a JSON pointer and a readable message', () => {
    const result = validators.validate({ ...plugged, data: { ...plugged.data, state: 'plugged' } });
    expect(result).toMatchObject({ valid: false, issues: [{ pointer: '/data/state', keyword: 'enum', message: '/data/state must be one of: "PLUGGED", "UNPLUGGED"' }] });
  });

  it('point at a missing property', () => {
    const { state: _state, ...data } = plugged.data;
    expect(validators.validate({ ...plugged, data })).toMatchObject({ valid: false, issues: [{ pointer: '/data/state', keyword: 'required' }] });
  });

  it('reject RFC 3339 violations and out-of-range numbers', () => {
    expect(validators.validate({ ...plugged, time: '2024-01-01T00:00:00' }).valid).toBe(false);
    const measurement = { ...plugged, type: 'ev/measurement', data: { ...plugged.data, chargePower: 1, range: 2 ** 32 } };
    expect(validators.validate(measurement)).toMatchObject({ valid: false, issues: [{ pointer: '/data/range', keyword: 'maximum' }] });
  });

  it('judge raw bytes: empty, not JSON, not an object, unknown type', () => {
    expect(validators.validateBytes('')).toMatchObject({ valid: false, issues: [{ message: 'the body is empty' }] });
    expect(validators.validateBytes('{"id":')).toMatchObject({ valid: false, issues: [{ keyword: 'json' }] });
    expect(validators.validateBytes('[1]')).toMatchObject({ valid: false, issues: [{ message: 'the event must be a JSON object, got array' }] });
    expect(validators.validateBytes(JSON.stringify({ ...plugged, type: 'ev/teleported' }))).toMatchObject({ valid: false, type: 'ev/teleported' });
  });
});
