import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { applyErrata, ERRATA, findEventRoot, loadSpec, type Erratum } from '../../src/spec';
import { inlineRefs } from '../../src/spec/refs';
import { defaultEngine } from '../support/engine';

const raw = loadSpec();

function erratum(id: string): Erratum {
  const found = ERRATA.find((e) => e.id === id);
  if (found === undefined) throw new Error(`no erratum ${id}`);
  return found;
}

const validPing = {
  id: '5eda17ec-4dc9-46d5-b3b8-c396f75a760f',
  accountID: 'acc-1',
  source: '/systems/5eda17ec-4dc9-46d5-b3b8-c396f75a760f',
  specVersion: '1.0',
  time: '2024-05-01T12:00:00Z',
  type: 'ping',
  data: { message: 'hello' },
};

describe('the errata list', () => {
  it('has unique ids and says why for every entry', () => {
    expect(new Set(ERRATA.map((e) => e.id)).size).toBe(ERRATA.length);
    for (const e of ERRATA) expect(e.correction.length).toBeGreaterThan(80);
  });

  it('finds each known defect of the gridX spec exactly once per place, and nothing after correction', () => {
    const { spec, corrected } = applyErrata(raw);
    expect(corrected.map((d) => `${d.erratum} ${d.pointer}`)).toEqual([
      'request-media-type /components/requestBodies/WebhookEvent/content/application.json',
      'oneof-not-exclusive /components/schemas/WebhookEventRequest/oneOf',
      'discriminator-enum-mismatch /components/schemas/SystemActionEvent/allOf/1/properties/type',
      'untyped-required-property /components/schemas/WebhookEventBase/required',
      'allof-beside-properties /components/schemas/EVStateChangeEventData',
    ]);
    const root = findEventRoot(spec);
    for (const e of ERRATA) expect(e.find(spec, root)).toEqual([]);
  });

  it('never edits the loaded document', () => {
    const before = JSON.stringify(raw.document);
    applyErrata(raw);
    expect(JSON.stringify(raw.document)).toBe(before);
  });

  describe('request-media-type', () => {
    it('reads application.json as application/json', () => {
      expect(erratum('request-media-type').find(raw, findEventRoot(raw))).toHaveLength(1);
      expect(defaultEngine().catalogue.mediaType).toBe('application/json');
    });
  });

  describe('discriminator-enum-mismatch and oneof-not-exclusive', () => {
    it('shows the defect: taken literally, a valid ping fails the oneOf and no system/action event is valid', () => {
      const ajv = new Ajv({ strict: false, allErrors: true, logger: false });
      addFormats(ajv);
      const literal = inlineRefs(raw, { $ref: '#/components/schemas/WebhookEventRequest' }) as object;
      const validate = ajv.compile(literal);
      // A ping whose data also fits SystemActionEventData matches two oneOf members.
      const ambiguousPing = { ...validPing, data: { ...systemActionData, message: 'hi' } };
      expect(validate(validPing)).toBe(true);
      expect(validate(ambiguousPing)).toBe(false);
      expect(defaultEngine().validators.validate(ambiguousPing)).toEqual({ valid: true, type: 'ping' });
      const systemAction = ajv.compile(inlineRefs(raw, { $ref: '#/components/schemas/SystemActionEvent' }) as object);
      expect(systemAction({ ...validPing, type: 'system/action', data: systemActionData })).toBe(false);
    });

    it('after correction a ping is valid as ping only, and system/action events exist', () => {
      const { validators } = defaultEngine();
      expect(validators.validate(validPing)).toEqual({ valid: true, type: 'ping' });
      expect(validators.validateAs('system/action', { ...validPing, type: 'system/action', data: systemActionData }).valid).toBe(true);
      expect(validators.validateAs('system/action', validPing).valid).toBe(false);
    });
  });

  describe('allof-beside-properties', () => {
    it('keeps both the own properties and the allOf of EVStateChangeEventData', () => {
      const plugged = defaultEngine().catalogue.get('ev/plugged');
      expect(plugged.requiredPaths).toEqual(expect.arrayContaining(['/data/issuedAt', '/data/atHome', '/data/systemID', '/data/assetID', '/data/gatewayID', '/data/state']));
      const corrected = erratum('allof-beside-properties').correct(raw, findEventRoot(raw));
      const schema = (corrected.document.components as { schemas: Record<string, Record<string, unknown>> }).schemas.EVStateChangeEventData;
      expect(schema?.properties).toBeUndefined();
      expect(schema?.allOf).toHaveLength(2);
    });
  });

  describe('untyped-required-property', () => {
    it('describes accountID as a string', () => {
      const { catalogue, validators } = defaultEngine();
      expect((catalogue.get('ping').schema.properties as Record<string, unknown>).accountID).toMatchObject({ type: 'string' });
      expect(validators.validate({ ...validPing, accountID: { nested: true } }).valid).toBe(false);
    });
  });
});

const systemActionData = {
  id: '0f0e3c1a-7b7e-4a8e-9d65-3c2b2b1a0f00',
  type: 'EV',
  manufacturer: 'Audi',
  domain: 'Account',
  introducedAt: '2024-05-01T12:00:00Z',
  resolution: { description: 'Accept the terms', title: 'Terms', access: 'Remote', agent: 'User' },
};
