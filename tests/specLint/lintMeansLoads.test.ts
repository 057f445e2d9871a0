import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { engineFromSpec } from '../../src/engine';
import { HookproofError } from '../../src/errors';
import { parseSpec, type SpecDocument } from '../../src/spec';
import { lintSpec, type LintReport } from '../../src/specLint/lintSpec';
import { ROOT } from '../cli/paths';
import { VARIANTS, variantPath, type VariantName } from '../diff/support/specVariants';

/** What loading does with a spec: loads, or fails with a typed error (an untyped one fails the test). */
function loads(spec: SpecDocument): boolean {
  try {
    engineFromSpec(spec);
    return true;
  } catch (error) {
    if (error instanceof HookproofError) return false;
    throw error;
  }
}

/** The law: a spec the lint passes loads, and the lint says "does-not-load" exactly when it does not. */
function expectLintTellsLoading(report: LintReport, loaded: boolean, name: string): void {
  const saysNoLoad = report.unhandled.some((d) => d.code === 'does-not-load');
  expect({ name, saysNoLoad, loaded }).toEqual({ name, saysNoLoad: !loaded, loaded });
  if (report.unhandled.length === 0) expect({ name, loaded }).toEqual({ name, loaded: true });
}

function specFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? specFiles(join(dir, entry.name)) : /\.ya?ml$|\.json$/.test(entry.name) ? [join(dir, entry.name)] : [],
  );
}

describe('lint-spec reports exactly what loading does', () => {
  // Every spec the project has: the bundled one, gridX's earlier files, and every test fixture.
  const files = [...specFiles(join(ROOT, 'spec')), ...specFiles(join(ROOT, 'tests', 'fixtures', 'specs'))];

  // The diff variants are generated from the bundled spec at test time; they are specs too.
  const variants = (Object.keys(VARIANTS) as VariantName[]).map((name) => [`diff variant ${name}`, variantPath(name)]);

  // The files meant to be refused at the parse, pinned: a spec that stopped parsing by accident
  // would otherwise pass below without its lint ever being compared with its loading.
  const REFUSED_AT_PARSE = new Set(['tests/fixtures/specs/invalid-yaml.yaml', 'tests/fixtures/specs/not-openapi-list.yaml', 'tests/fixtures/specs/not-openapi-no-schemas.yaml']);

  it('finds every spec file, including each one meant to be refused at the parse', () => {
    const names = files.map((f) => f.slice(ROOT.length + 1));
    expect(names).toEqual(expect.arrayContaining([...REFUSED_AT_PARSE, 'spec/webhook-events.yaml']));
  });

  it.each([...files.map((f) => [f.slice(ROOT.length + 1), f]), ...variants])('%s', (name, file) => {
    let parsed: { spec: SpecDocument } | { error: unknown };
    try {
      parsed = { spec: parseSpec(readFileSync(file), file) };
    } catch (error) {
      parsed = { error };
    }
    if (REFUSED_AT_PARSE.has(name)) {
      // Not YAML or not OpenAPI: lint-spec and loading stop at the same parse, with the same error.
      expect(parsed).toEqual({ error: expect.any(HookproofError) });
      return;
    }
    if ('error' in parsed) throw parsed.error;
    expectLintTellsLoading(lintSpec(parsed.spec), loads(parsed.spec), name);
  });

  // A small spec broken at random in the ways real files were: keywords indented under
  // `properties`, properties that are not schemas, required names never described, refs to nothing,
  // keywords with values a validator refuses.
  const base = parseSpec(readFileSync(join(ROOT, 'tests', 'fixtures', 'specs', 'unhandled-defects.yaml')), 'base.yaml').document;
  type Mutation = (doc: Record<string, unknown>, pick: number) => void;
  const objectsWithProperties = (doc: unknown): Array<Record<string, unknown>> => {
    const found: Array<Record<string, unknown>> = [];
    const visit = (node: unknown): void => {
      if (Array.isArray(node)) {
        node.forEach(visit);
        return;
      }
      if (typeof node !== 'object' || node === null) return;
      const record = node as Record<string, unknown>;
      if (typeof record.properties === 'object' && record.properties !== null) found.push(record);
      Object.values(record).forEach(visit);
    };
    visit((doc as { components: { schemas: unknown } }).components.schemas);
    return found;
  };
  const at = <T>(list: readonly T[], pick: number): T => list[pick % list.length] as T;
  const mutations: Record<string, Mutation> = {
    'required indented under properties': (doc, pick) => {
      const node = at(objectsWithProperties(doc), pick);
      (node.properties as Record<string, unknown>).required = Object.keys(node.properties as object).slice(0, 1);
    },
    'a property that is text': (doc, pick) => {
      (at(objectsWithProperties(doc), pick).properties as Record<string, unknown>).oops = 'not a schema';
    },
    'a required property whose description is deleted': (doc, pick) => {
      const node = at(
        objectsWithProperties(doc).filter((n) => Array.isArray(n.required)),
        pick,
      );
      const name = at(node.required as string[], pick);
      // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- the mutation is deleting the description of the property it picked
      delete (node.properties as Record<string, unknown>)[name];
    },
    'an allOf member requiring a name no part describes': (doc, pick) => {
      const schemas = (doc as { components: { schemas: Record<string, { allOf?: unknown[] }> } }).components.schemas;
      const composed = Object.values(schemas).filter((s) => Array.isArray(s.allOf));
      at(composed, pick).allOf?.push({ required: ['undescribed'] });
    },
    'a $ref to nothing': (doc, pick) => {
      const node = at(objectsWithProperties(doc), pick);
      (node.properties as Record<string, unknown>).ghost = { $ref: '#/components/schemas/Ghost' };
    },
    'a type no validator knows': (doc, pick) => {
      const node = at(objectsWithProperties(doc), pick);
      const name = at(Object.keys(node.properties as object), pick);
      (node.properties as Record<string, unknown>)[name] = { type: 'integr' };
    },
    'a minimum that is text': (doc, pick) => {
      const node = at(objectsWithProperties(doc), pick);
      (node.properties as Record<string, unknown>).level = { type: 'integer', minimum: 'zero' };
    },
  };

  it('holds for specs broken at random', () => {
    const outcomes = new Set<string>();
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...Object.keys(mutations)), fc.nat(50)), { minLength: 1, maxLength: 3 }), (steps) => {
        const doc = structuredClone(base);
        for (const [name, pick] of steps) mutations[name]?.(doc, pick);
        const spec = parseSpec(stringify(doc), 'mutated.yaml');
        const report = lintSpec(spec);
        const loaded = loads(spec);
        expectLintTellsLoading(report, loaded, steps.map(([n]) => n).join(' + '));
        outcomes.add(loaded ? 'loads' : 'does not load');
        for (const d of report.defects) outcomes.add(`handled ${d.code}`);
      }),
      { numRuns: 40 },
    );
    // The mutations reach both sides of the law and the errata.
    expect([...outcomes]).toEqual(
      expect.arrayContaining(['loads', 'does not load', 'handled keyword-under-properties', 'handled required-never-described', 'handled untyped-required-property']),
    );
  });
});
