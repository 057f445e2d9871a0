import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { anyEventArbitrary, anyInvalidEventArbitrary } from '../../src/arbitraries';
import { createEngine, engineFromSpec } from '../../src/engine';
import { SpecInvalidError } from '../../src/errors';
import { buildCatalogue } from '../../src/schemas/catalogue';
import { schemaSetDigest } from '../../src/schemas/schemaSetDigest';
import { createValidators } from '../../src/schemas/validators';
import { parseSpec } from '../../src/spec/loadSpec';
import { defaultEngine } from '../support/engine';
import { specWithData } from '../support/generatedSpecs';

// Validators compile on first use only over schemas the build compiled (engine.ts): any other
// spec compiles them all in createEngine, so that a schema ajv refuses fails there, at once.
const REFUSED = specWithData('Data', { Data: 'type: object\nproperties:\n  value: {type: string, pattern: "(["}' });
const COMPILE_ERROR = /^invalid spec \S*refused\.yaml: the schema of event type "probe\/event" \(ProbeEvent\) cannot be compiled: Invalid regular expression/;

function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('compiling validators on first use', () => {
  it('a spec with a schema ajv refuses still fails in createEngine: one line, SpecInvalidError', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hookproof-compile-on-use-'));
    try {
      writeFileSync(join(dir, 'refused.yaml'), REFUSED);
      const error = thrownBy(() => createEngine({ specPath: join(dir, 'refused.yaml') }));
      expect(error).toBeInstanceOf(SpecInvalidError);
      expect((error as Error).message).toMatch(COMPILE_ERROR);
      expect((error as Error).message.split('\n')).toHaveLength(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('defers exactly that error to the first use of the type, and answers unknown types without compiling', () => {
    const spec = parseSpec(REFUSED, 'refused.yaml');
    expect(() => engineFromSpec(spec)).toThrow(COMPILE_ERROR);
    const validators = createValidators(buildCatalogue(spec), { compileOnUse: true });
    expect(validators.validate({ type: 'probe/unknown' })).toMatchObject({ valid: false, issues: [{ keyword: 'discriminator' }] });
    const error = thrownBy(() => validators.validate({ type: 'probe/event' }));
    expect(error).toBeInstanceOf(SpecInvalidError);
    expect((error as Error).message).toMatch(COMPILE_ERROR);
  });

  it('judges every event as compiling all at once does: valid events and broken ones alike', () => {
    const { catalogue } = defaultEngine();
    const eager = createValidators(catalogue);
    const onUse = createValidators(catalogue, { compileOnUse: true });
    const body = fc.oneof(
      anyEventArbitrary(catalogue).map((event) => JSON.stringify(event)),
      anyInvalidEventArbitrary(catalogue).map((c) => c.body.toString('utf8')),
    );
    fc.assert(
      fc.property(body, (bytes) => {
        expect(onUse.validateBytes(bytes)).toEqual(eager.validateBytes(bytes));
      }),
    );
  });

  it("the schemas' digest is the same for the same schemas and changes with any schema", () => {
    const spec = parseSpec(specWithData('Data', { Data: 'type: object\nproperties:\n  value: {type: string, maxLength: 8}' }), 'a.yaml');
    const other = parseSpec(specWithData('Data', { Data: 'type: object\nproperties:\n  value: {type: string, maxLength: 9}' }), 'a.yaml');
    expect(schemaSetDigest(buildCatalogue(spec))).toBe(
      schemaSetDigest(buildCatalogue(parseSpec(specWithData('Data', { Data: 'type: object\nproperties:\n  value: {type: string, maxLength: 8}' }), 'b.yaml'))),
    );
    expect(schemaSetDigest(buildCatalogue(other))).not.toBe(schemaSetDigest(buildCatalogue(spec)));
  });
});
