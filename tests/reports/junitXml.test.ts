import { goneMessage } from '../../src/checks/goneMessage';
import { renderJunitXml } from '../../src/reports';
import { makePassingReport, makeReport } from './support/fixtures';
import { findAll, parseXml, type XmlElement } from './support/parseXml';

function testcases(xml: string): XmlElement[] {
  return findAll(parseXml(xml), 'testcase');
}

function child(element: XmlElement | undefined, name: string): XmlElement | undefined {
  return element?.children.find((c) => c.name === name);
}

describe('junit.xml', () => {
  const report = makeReport({ gone: true });
  const xml = renderJunitXml(report);
  const root = parseXml(xml);

  it('is well-formed XML despite control characters, "]]>", quotes and markup in the data', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
    expect(root.name).toBe('testsuites');
  });

  it('has one testsuite named hookproof with consistent counts', () => {
    const suites = findAll(root, 'testsuite');
    expect(suites).toHaveLength(1);
    const suite = suites[0];
    expect(suite?.attributes).toMatchObject({ name: 'hookproof', tests: '5', failures: '1', errors: '0', skipped: '3', time: '7.250', timestamp: '2026-11-25T10:00:00' });
    expect(root.attributes).toMatchObject({ name: 'hookproof', tests: '5', failures: '1', skipped: '3' });
    const props = Object.fromEntries(findAll(root, 'property').map((p) => [p.attributes.name, p.attributes.value]));
    expect(props).toMatchObject({ verdict: 'fail', 'spec.sha256': report.spec.sha256, seed: '424242', gone: 'valid (ping)', 'target.url': report.target.url });
    // The one wording of the 410, the console's, not a near-copy of it.
    expect(child(suite, 'system-out')?.text).toContain(`\n${goneMessage('valid (ping)')}\n`);
  });

  it('writes one testcase per check, classname = requirement, name = "<id>: <title>"', () => {
    const cases = testcases(xml);
    expect(cases.map((c) => [c.attributes.classname, c.attributes.name])).toEqual(report.checks.map((c) => [c.requirement, `${c.id}: ${c.title}`]));
    expect(cases.every((c) => /^\d+\.\d{3}$/.test(c.attributes.time ?? ''))).toBe(true);
  });

  it('writes a failure with label, expected, actual and both reproductions', () => {
    const failure = child(testcases(xml)[1], 'failure');
    expect(failure?.attributes.message).toBe('wrong-secret: digest by another secret (ev/plugged): expected 401, got 204 success in 3 ms (+1 more failure)');
    expect(failure?.attributes.type).toBe('SIG-3 required');
    const text = failure?.text ?? '';
    for (const f of report.checks[1]?.failures ?? []) {
      expect(text).toContain(`case:     ${f.case}`);
      expect(text).toContain(f.reproduce.replay);
      for (const line of f.reproduce.curl.split('\n')) expect(text).toContain(line);
    }
    // A control character is shown, not emitted (it would make the file unreadable).
    expect(text).toContain('bell\\u0007 nul\\u0000');
    expect(text).toContain('end ]]> "quoted"');
  });

  it('writes a warning as a skipped case whose message says WARNING, with the details also in system-out', () => {
    const warn = testcases(xml)[2];
    expect(child(warn, 'failure')).toBeUndefined();
    expect(child(warn, 'skipped')?.attributes.message).toMatch(/^WARNING \(recommended requirement SIG-9; does not fail the verdict\): /);
    expect(child(warn, 'skipped')?.text).toContain('npx --no-install hookproof replay');
    expect(child(warn, 'system-out')?.text).toMatch(/^WARNING\n[\s\S]*expected: a success status/);
    expect(child(testcases(xml)[3], 'skipped')?.attributes.message).toContain('a 401 carried a body of 12 bytes');
  });

  it('writes a skip with its reason, escaped', () => {
    const skipped = child(testcases(xml)[4], 'skipped');
    expect(skipped?.attributes.message).toBe('not run: <b>the receiver</b> answered 410 Gone & more');
    expect(xml).toContain('not run: &lt;b&gt;the receiver&lt;/b&gt; answered 410 Gone &amp; more');
  });

  it('writes a pass as an empty testcase, and a passing report with no failures or skips', () => {
    expect(testcases(xml)[0]?.children).toEqual([]);
    const passing = parseXml(renderJunitXml(makePassingReport()));
    expect(findAll(passing, 'testsuite')[0]?.attributes).toMatchObject({ tests: '2', failures: '0', skipped: '0' });
    expect(findAll(passing, 'failure')).toEqual([]);
  });
});

describe('the test XML parser (so the checks above mean something)', () => {
  it.each([
    ['mismatched tags', '<a><b></a>'],
    ['a raw "<" in an attribute', '<a x="<"/>'],
    ['a bare ampersand', '<a>&</a>'],
    ['an unknown entity', '<a>&nbsp;</a>'],
    ['a control character', '<a>\u0001</a>'],
    ['a reference to a control character', '<a>&#1;</a>'],
    ['"]]>" in text', '<a>]]></a>'],
    ['two roots', '<a/><b/>'],
    ['a duplicate attribute', '<a x="1" x="2"/>'],
    ['an unquoted attribute', '<a x=1/>'],
  ])('rejects %s', (_name, doc) => {
    expect(() => parseXml(doc)).toThrow();
  });
});
