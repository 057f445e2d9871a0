import { certify } from '../checks/support/runCheck';
import { TRANSPORT_TYPES } from '../support/transportTypes';
import { closeAfterAll, type RunningReceiver } from '../support/servers';
import { renderJunitXml, renderReportHtml, renderReportJson, renderSummary } from '../../src/reports';
import { strictServer } from './receivers';

describe('a receiver generated as a strict server (400 for the unknown field accountID)', () => {
  const closing = closeAfterAll();
  let receiver: RunningReceiver;
  beforeAll(async () => {
    receiver = await closing(strictServer());
  });

  it('leads with one finding: valid events refused with its own 400 body, explaining EVT-1 and EVT-3', async () => {
    // Three types, as gridX sends many: the finding groups their refusals into one, as it would 23.
    const report = await certify(receiver.url, { runs: 10, types: TRANSPORT_TYPES });
    const [first] = report.findings ?? [];
    expect(first).toBeDefined();
    if (first === undefined) return;
    expect(first.answer?.status).toBe(400);
    expect(first.answer?.contentType).toBe('application/json');
    expect(first.answer?.body).toBe('{"error":"json: unknown field \\"accountID\\""}');
    expect(first.title).toMatch(/^Valid events of \d+ types are refused: 400 json: unknown field "accountID"$/);
    expect(first.explains).toEqual(expect.arrayContaining(['EVT-1', 'EVT-3']));
    // Every failed requirement with a 400 answer is in this one finding, not spread over many.
    const failed = report.checks
      .filter((c) => (c.status === 'fail' || c.status === 'warn') && c.failures.length > 0 && c.failures.every((f) => f.answer?.status === 400))
      .map((c) => c.requirement);
    expect(new Set(first.explains)).toEqual(new Set(failed));
    expect(first.cases).toBeGreaterThanOrEqual(first.failures.length);
    expect(first.eventTypes.length).toBeGreaterThan(1);
    // Forged requests were refused correctly: no finding about them.
    expect(report.findings?.some((f) => f.title.startsWith('Forged'))).toBe(false);
    // Every failure carries the receiver's answer.
    for (const failure of report.checks.flatMap((c) => c.failures)) expect(failure.answer).toBeDefined();

    const text = renderSummary(report);
    if (process.env.SHOW === '1') console.log(text);
    const fixFirst = text.indexOf('What to fix first:');
    expect(fixFirst).toBeGreaterThan(0);
    expect(text).toContain('1. Valid events of');
    expect(text.indexOf('1. Valid events of')).toBeLessThan(text.indexOf('\nFAIL  '));
    expect(text).toContain('body:     {"error":"json: unknown field \\"accountID\\""}');

    // The same list at the top of report.html, in junit.xml, and as findings[] in report.json.
    const page = renderReportHtml(report);
    expect(page.indexOf('<h2>What to fix first</h2>')).toBeGreaterThan(page.indexOf('id="verdict"'));
    expect(page.indexOf('<h2>What to fix first</h2>')).toBeLessThan(page.indexOf('<h2>Requirements'));
    expect(page).toContain('{&quot;error&quot;:&quot;json: unknown field \\&quot;accountID\\&quot;&quot;}');
    const junit = renderJunitXml(report);
    expect(junit).toContain('1. Valid events of');
    // CI dashboards show the failure message: it carries the receiver's own words.
    expect(junit).toMatch(/<failure message="[^"]*got 400 permanent in \d+ ms \(json: unknown field &quot;accountID&quot;\)( \(\+\d+ more failures?\))?"/);
    expect(junit).toContain('body:     {"error":"json: unknown field \\"accountID\\""}');
    const json = JSON.parse(renderReportJson(report)) as { findings: Array<{ title: string }> };
    expect(json.findings[0]?.title).toBe(first.title);
  }, 120_000);
});
