import { extractEmbeddedJson } from '../../src/attest/embeddedReport';
import { CONTENT_SECURITY_POLICY, renderReportHtml } from '../../src/reports';
import { HOSTILE_BODY, makePassingReport, makeReport } from './support/fixtures';
import { bodyText, executableScripts, networkReferences, tagsOf } from './support/htmlChecks';

describe('report.html (as written)', () => {
  const report = makeReport({ gone: true });
  const page = renderReportHtml(report);
  const text = bodyText(page);

  it('is a complete document that forbids every load in its own CSP', () => {
    expect(page.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(page).toContain(`<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY.replace(/'/g, '&#39;')}">`);
    expect(CONTENT_SECURITY_POLICY).toMatch(/^default-src 'none'; style-src 'unsafe-inline'/);
    expect(page.indexOf('Content-Security-Policy')).toBeLessThan(page.indexOf('<style>'));
  });

  it('references nothing outside itself and contains no script', () => {
    expect(networkReferences(page)).toEqual([]);
    expect(executableScripts(page)).toEqual([]);
    expect(tagsOf(page).filter((tag) => /\son[a-z]+\s*=/i.test(tag))).toEqual([]);
  });

  it('embeds report.json whole in one data block that no label or body can end early', () => {
    const hostile = makeReport({ gone: true });
    const label = '</script><script>alert(1)</script><!--';
    const first = hostile.checks[0];
    if (first === undefined) throw new Error('fixture has no checks');
    const withLabel = { ...hostile, checks: [{ ...first, note: label }, ...hostile.checks.slice(1)] };
    const markup = renderReportHtml(withLabel);
    expect(markup.match(/<script\b/gi)).toHaveLength(1);
    expect(extractEmbeddedJson(markup)).toBeDefined();
    expect(JSON.parse(extractEmbeddedJson(markup) ?? '')).toEqual(JSON.parse(JSON.stringify(withLabel)));
  });

  it('escapes hostile bodies, labels, notes and URLs into text', () => {
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;');
    expect(text).toContain(JSON.parse(JSON.stringify(HOSTILE_BODY)) as string);
    expect(text).toContain('not run: <b>the receiver</b> answered 410 Gone & more');
    expect(page).toContain('https://receiver.example.com/hooks?tenant=t1&amp;x=&lt;y&gt;');
    expect(page).toContain('bell\\u0007 nul\\u0000');
    // eslint-disable-next-line no-control-regex -- asserting that no control character is left is the point
    expect(page).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
  });

  it('shows verdict, facts, every requirement, every check and every failure with its reproduction', () => {
    expect(text).toContain('✘ FAIL');
    expect(text).toContain('Not conformant');
    for (const fact of [
      report.target.url,
      report.target.trust,
      report.spec.path,
      report.spec.sha256,
      `${report.tool.name} ${report.tool.version}`,
      '424242',
      '2026-11-25 10:00:00 UTC',
    ]) {
      expect(text).toContain(fact);
    }
    for (const r of report.requirements) expect(page).toContain(`<tr id="req-${r.id}">`);
    for (const c of report.checks) expect(page).toContain(`<tr id="check-${c.id}">`);
    for (const f of report.checks.flatMap((c) => c.failures)) {
      expect(text).toContain(f.case);
      expect(text).toContain(f.reproduce.replay);
      expect(page).toContain(
        `<pre class="curl">${f.reproduce.curl.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')}</pre>`,
      );
    }
    expect(text).toMatch(/ev\/plugged 12 20 0 32/);
  });

  it('gives every status a word, not only a colour', () => {
    for (const word of ['✔ PASS', '✘ FAIL', '! WARN', '– SKIP', '∅ NOT TESTABLE']) expect(text).toContain(word);
  });

  it('has a loud GONE banner only when the receiver answered 410', () => {
    expect(text).toContain('GONE: THE RECEIVER ANSWERED 410');
    expect(page.indexOf('id="gone"')).toBeLessThan(page.indexOf('id="verdict"'));
    expect(renderReportHtml(makeReport())).not.toContain('id="gone"');
  });

  it('says PASS for a passing report and has a print layout', () => {
    const passing = renderReportHtml(makePassingReport());
    expect(bodyText(passing)).toContain('✔ PASS Conformant');
    expect(passing).toContain('@media print');
  });
});

describe('networkReferences (so the check above means something)', () => {
  it.each([
    '<img src="http://x/y.png">',
    '<p style="background:url(http://x)">',
    '<a href="https://x">',
    '<link rel="stylesheet" href="x.css">',
    '<style>@import "x.css";</style>',
    '<script src="x.js"></script>',
    '<script type="application/json" id="hookproof-report-json" src="x.js"></script>',
  ])('finds %s', (markup) => {
    expect(networkReferences(markup).length).toBeGreaterThan(0);
  });

  it('ignores escaped text', () => {
    expect(networkReferences('<p>&lt;img src=x&gt; url(x) @import</p>')).toEqual([]);
  });
});
