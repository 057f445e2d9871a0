import { applyErrata } from '../../src/spec/applyErrata';
import { ERRATA } from '../../src/spec/errata';
import { lintSpec } from '../../src/specLint/lintSpec';
import { loadSpec, parseSpec } from '../../src/spec/loadSpec';
import { fixtureSpec } from '../cli/paths';
import { specWithData } from '../support/generatedSpecs';

const codes = (defects: ReadonlyArray<{ code: string }>): string[] => defects.map((d) => d.code);

// The smallest spec the engine loads: one event type whose data has one string field.
const MINI_SPEC = specWithData('PingData', {
  PingData: `type: object
properties:
  message:
    type: string`,
});

describe('lintSpec on the real spec', () => {
  const spec = loadSpec();
  const report = lintSpec(spec);

  it('finds one defect per erratum, in the errata order, and nothing unhandled', () => {
    expect(report.unhandled).toEqual([]);
    // keyword-under-properties and required-never-described correct only earlier files (spec/history).
    const history = new Set(['keyword-under-properties', 'required-never-described']);
    expect(report.defects.map((d) => d.erratum)).toEqual(ERRATA.map((e) => e.id).filter((id) => !history.has(id)));
  });

  it('reports exactly what the engine corrects', () => {
    expect(report.defects).toEqual(applyErrata(spec).corrected);
  });

  it('points into the file', () => {
    expect(report.defects.map((d) => d.pointer)).toContain('/components/requestBodies/WebhookEvent/content/application.json');
    expect(report.defects.map((d) => d.pointer)).toContain('/components/schemas/SystemActionEvent/allOf/1/properties/type');
  });

  it('does not modify the document it lints', () => {
    const before = JSON.stringify(spec.document);
    lintSpec(spec);
    expect(JSON.stringify(spec.document)).toBe(before);
  });
});

describe('lintSpec unhandled defects', () => {
  it('reports a dangling $ref, an unknown format and an unmapped oneOf member, with pointers', () => {
    const report = lintSpec(loadSpec(fixtureSpec('unhandled-defects.yaml')));
    expect(report.defects).toEqual([]);
    expect(report.unhandled).toEqual([
      expect.objectContaining({ code: 'unresolved-ref', pointer: '/components/responses/WebhookEventPermanentError/content/application~1json/schema' }),
      expect.objectContaining({ code: 'oneof-member-unmapped', pointer: '/components/schemas/WebhookEventRequest/oneOf/2' }),
      expect.objectContaining({ code: 'unknown-format', pointer: '/components/schemas/MeterEvent/allOf/1/properties/data/properties/meterSerial/format' }),
    ]);
    expect(report.unhandled.every((d) => d.erratum === undefined)).toBe(true);
  });

  it('reports a mapping to a missing schema, and the catalogue failure instead of throwing', () => {
    const report = lintSpec(loadSpec(fixtureSpec('broken-mapping.yaml')));
    expect(codes(report.unhandled)).toEqual(['unresolved-ref', 'mapping-missing-schema', 'does-not-load']);
    expect(report.unhandled[1]).toMatchObject({
      pointer: '/components/schemas/WebhookEventRequest/discriminator/mapping/gateway~1offline',
      message: expect.stringContaining('GatewayStatusEvent'),
    });
    expect(report.unhandled[2]?.message).not.toContain('invalid spec');
  });

  it('reports an external $ref as unsupported', () => {
    const spec = parseSpec(MINI_SPEC.replace("$ref: '#/components/schemas/PingData'", "$ref: 'common.yaml#/PingData'"), 'mini.yaml');
    expect(codes(lintSpec(spec).unhandled)).toEqual(['unsupported-ref', 'does-not-load']);
  });

  it('finds unknown formats in the raw schemas when the catalogue cannot be built', () => {
    const text = MINI_SPEC.replace('format: uuid', 'format: gridx-id').replace("probe/event: '#/components/schemas/ProbeEvent'", "probe/event: '#/components/schemas/Nope'");
    const report = lintSpec(parseSpec(text, 'mini.yaml'));
    expect(codes(report.unhandled)).toEqual(['mapping-missing-schema', 'oneof-member-unmapped', 'unknown-format', 'does-not-load']);
  });

  it('ignores "format" keys inside examples and enums', () => {
    const text = MINI_SPEC.replace('message:\n', 'message:\n          example: { format: not-a-format }\n');
    expect(lintSpec(parseSpec(text, 'mini.yaml')).unhandled).toEqual([]);
  });

  it('reports a spec without an event root as one does-not-load defect', () => {
    const spec = parseSpec('components:\n  schemas:\n    Thing:\n      type: object\n', 'thing.yaml');
    const report = lintSpec(spec);
    expect(report.defects).toEqual([]);
    expect(report.unhandled).toEqual([{ code: 'does-not-load', pointer: '', message: expect.stringContaining('no event schema found') }]);
  });
});

describe('lintSpec format lookup', () => {
  it('treats property names as names, not keywords', () => {
    const text = MINI_SPEC.replace(
      'message:\n          type: string\n',
      'message:\n          type: string\n        example:\n          type: string\n          format: gridx-id\n',
    );
    expect(lintSpec(parseSpec(text, 'mini.yaml')).unhandled).toEqual([
      expect.objectContaining({ code: 'unknown-format', pointer: '/components/schemas/PingData/properties/example/format' }),
    ]);
  });
});
