import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { VARIANTS, variantText, type VariantName } from './support/specVariants';

const spec = (): unknown => parse(readFileSync(join(__dirname, '..', '..', 'spec', 'webhook-events.yaml'), 'utf8'));

describe('the diff variants, generated from the spec', () => {
  it.each(Object.keys(VARIANTS) as VariantName[])('%s differs from the spec', (name) => {
    expect(parse(variantText(VARIANTS[name]))).not.toEqual(spec());
  });

  it('are the spec itself with no edits', () => {
    expect(parse(variantText([]))).toEqual(spec());
  });

  it.each([
    [{ op: 'replace', path: '/components/schemas/NoSuchSchema/type', value: 'x' }, /is neither a map nor a list/],
    [{ op: 'replace', path: '/components/schemas/GatewayEventData/properties/noSuchField', value: 'x' }, /nothing to replace/],
    [{ op: 'add', path: '/components/schemas/GatewayEventData/properties/gatewayName', value: 'x' }, /already there/],
    [{ op: 'add', path: '/components/schemas/GatewayEventData/properties/x', before: 'noSuchKey', value: 'x' }, /no key noSuchKey/],
    [{ op: 'add', path: '/components/schemas/GatewayEventData/required/99', value: 'x' }, /no list index 99/],
  ] as const)('refuse an edit whose pointer does not name what it expects: %j', (edit, message) => {
    expect(() => variantText([edit])).toThrow(message);
  });
});
