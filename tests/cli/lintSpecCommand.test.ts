import { runLintSpec } from '../../src/cli/commands/lintSpec';
import { memoryIO } from '../../src/cli/memoryIO';
import { SpecInvalidError, SpecUnreadableError } from '../../src/errors';
import { ERRATA } from '../../src/spec/errata';
import type { LintReport } from '../../src/specLint/lintSpec';
import { fixtureSpec, REAL_SPEC } from './paths';

describe('lint-spec', () => {
  it('lists every handled defect of the real spec and exits 0', async () => {
    const io = memoryIO();
    expect(await runLintSpec({ spec: REAL_SPEC, json: false }, io)).toBe(0);
    const handled = io.stdout.filter((l) => l.startsWith('handled  '));
    // The two errata only earlier files need (spec/history) find nothing in the bundled one.
    const history = new Set(['keyword-under-properties', 'required-never-described']);
    expect(handled.map((l) => l.split('  ')[1])).toEqual(ERRATA.map((e) => e.id).filter((id) => !history.has(id)));
    expect(handled[0]).toBe(
      'handled  request-media-type  /components/requestBodies/WebhookEvent/content/application.json  request body media type "application.json" is not a media type; read as "application/json"',
    );
    expect(io.stdout.at(-1)).toBe(`${REAL_SPEC}: 5 defects, 5 handled by errata, 0 unhandled`);
    expect(io.stderr).toEqual([]);
  });

  it('lists unhandled defects and exits 1', async () => {
    const io = memoryIO();
    expect(await runLintSpec({ spec: fixtureSpec('unhandled-defects.yaml'), json: false }, io)).toBe(1);
    expect(io.stdout.filter((l) => l.startsWith('UNHANDLED  ')).map((l) => l.split('  ')[1])).toEqual(['unresolved-ref', 'oneof-member-unmapped', 'unknown-format']);
    expect(io.stdout.at(-1)).toMatch(/3 defects, 0 handled by errata, 3 unhandled$/);
  });

  it('prints the whole-document pointer readably', async () => {
    const io = memoryIO();
    await runLintSpec({ spec: fixtureSpec('broken-mapping.yaml'), json: false }, io);
    expect(io.stdout).toContain('UNHANDLED  does-not-load  (root)  $ref "#/components/schemas/PingData" points to nothing');
  });

  it('prints the LintReport as JSON with --json', async () => {
    const io = memoryIO();
    expect(await runLintSpec({ spec: fixtureSpec('unhandled-defects.yaml'), json: true }, io)).toBe(1);
    const report = JSON.parse(io.stdout.join('\n')) as LintReport;
    expect(report.defects).toEqual([]);
    expect(report.unhandled.map((d) => d.code)).toEqual(['unresolved-ref', 'oneof-member-unmapped', 'unknown-format']);
  });

  it.each([
    ['invalid-yaml.yaml', /not valid YAML at line \d+/],
    ['not-openapi-list.yaml', /not an OpenAPI document \(expected a mapping/],
    ['not-openapi-no-schemas.yaml', /not an OpenAPI document \(no components\.schemas\)/],
  ])('refuses %s with a SpecInvalidError', async (name, message) => {
    const run = runLintSpec({ spec: fixtureSpec(name), json: false }, memoryIO());
    await expect(run).rejects.toBeInstanceOf(SpecInvalidError);
    await expect(runLintSpec({ spec: fixtureSpec(name), json: false }, memoryIO())).rejects.toThrow(message);
  });

  it('refuses a missing spec with a SpecUnreadableError', async () => {
    await expect(runLintSpec({ spec: fixtureSpec('missing.yaml'), json: false }, memoryIO())).rejects.toBeInstanceOf(SpecUnreadableError);
  });
});
