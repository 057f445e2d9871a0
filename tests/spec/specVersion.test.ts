import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { renderJunitXml, renderReportHtml, renderReportJson, renderSummary } from '../../src/reports';
import { KNOWN_SPECS } from '../../src/spec/knownSpecs';
import { describeSpecVersion, loadSpec, parseSpec, specVersion } from '../../src/spec';
import { ROOT } from '../cli/paths';
import { makePassingReport } from '../reports/support/fixtures';

describe('the spec version named in reports', () => {
  it('names the bundled file as gridX’s of 2026-03-16 (it has no info object, so by its SHA-256)', () => {
    const spec = loadSpec();
    expect(spec.document.info).toBeUndefined();
    expect(specVersion(spec)).toEqual({ title: 'gridX webhook events', version: '2026-03-16' });
  });

  it('knows every file in spec/history by its bytes, dated as its name says', () => {
    const dir = join(ROOT, 'spec', 'history');
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml'))) {
      const sha256 = createHash('sha256').update(readFileSync(join(dir, file))).digest('hex');
      expect(KNOWN_SPECS[sha256]?.version).toBe(file.slice(0, 10));
    }
  });

  it('prefers the file’s own info, and names nothing for an unknown file without one', () => {
    const withInfo = parseSpec('info:\n  title: Partner events\n  version: 2.1.0\ncomponents:\n  schemas: {}\n', 'p.yaml');
    expect(specVersion(withInfo)).toEqual({ title: 'Partner events', version: '2.1.0' });
    expect(specVersion(parseSpec('components:\n  schemas: {}\n', 'q.yaml'))).toEqual({});
    expect(describeSpecVersion({})).toBeUndefined();
  });

  it('appears in report.json, junit.xml, the HTML facts and the console header', () => {
    const base = makePassingReport();
    const report = { ...base, spec: { ...base.spec, title: 'gridX webhook events', version: '2026-03-16' } };
    const json = JSON.parse(renderReportJson(report)) as { spec: Record<string, string> };
    expect(Object.keys(json.spec)).toEqual(['path', 'sha256', 'title', 'version']);
    expect(json.spec).toMatchObject({ title: 'gridX webhook events', version: '2026-03-16' });
    expect(renderJunitXml(report)).toContain('<property name="spec.version" value="2026-03-16"');
    expect(renderReportHtml(report)).toContain('<dd id="spec-version">gridX webhook events 2026-03-16</dd>');
    expect(renderSummary(report).split('\n')[2]).toBe(`spec gridX webhook events 2026-03-16 · sha256 ${report.spec.sha256}`);
  });
});
