import { createHash } from 'node:crypto';
import { REQUIREMENTS } from '../../src/contract/requirements';
import { renderJunitXml, renderReportHtml, renderReportJson, renderSummary } from '../../src/reports';
import type { ReceivedDelivery } from '../../src/sender/listen/ReceivedDelivery';
import { buildListenReport } from '../../src/sender/report/buildListenReport';
import type { CertificationReport } from '../../src/evidence/certificationReport';
import { bodyText } from '../reports/support/htmlChecks';
import { makePassingReport, makeReport } from '../reports/support/fixtures';

function delivery(index: number, signed: boolean): ReceivedDelivery {
  const body = Buffer.from(JSON.stringify({ id: `evt-${index}`, type: 'ping', data: {} }));
  return {
    index,
    receivedAt: `2026-11-25T10:00:0${index}.000Z`,
    atMs: index * 1000,
    method: 'POST',
    path: '/hooks',
    headers: { 'content-type': 'application/json' },
    signatureHeader: signed ? `sha512=${'ab'.repeat(64)}` : undefined,
    body,
    size: body.length,
    sha256: createHash('sha256').update(body).digest('hex'),
    cut: false,
    eventKey: `evt-${index}`,
    eventId: `evt-${index}`,
    type: 'ping',
    attempt: 1,
    schema: { ok: true },
    signature: signed ? { ok: true, digests: 1 } : { ok: false, fault: 'missing', detail: 'no X-Signature header' },
    answer: 204,
    answeredAtMs: index * 1000 + 5,
  };
}

/** A listen run with one unsigned delivery (SND-2 fails) and an --expect list, as report files see it. */
function senderReport(): CertificationReport {
  return buildListenReport({
    url: 'http://127.0.0.1:8787/',
    spec: { path: 'spec/webhook-events.yaml', sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' },
    respond: '204',
    expect: ['ping'],
    secrets: ['not-the-signing-secret'],
    reportPath: 'hookproof-report/report.json',
    deliveries: [delivery(1, true), delivery(2, false)],
    ignored: 0,
    endedAtMs: 120_000,
    startedAt: '2026-11-25T10:00:00.000Z',
    finishedAt: '2026-11-25T10:02:00.000Z',
    stoppedBy: 'signal',
  });
}

/** Wording that only makes sense for `hookproof certify` (a receiver sent generated cases). */
const CERTIFY_ONLY_HTML = ['receiver certification', 'Seed', 'runs per property', 'ms timeout', 'cases sent', '--seed', 'TLS-1', 'Cases sent', 'No case was sent'];

describe('the report of a listen run (subject: sender)', () => {
  const report = senderReport();

  it('is marked as a sender report and keeps the SND IDs (and EXPECT) without claiming they are receiver requirements', () => {
    expect(report.subject).toBe('sender');
    expect(report.checks.map((c) => c.requirement)).toEqual(['SND-1', 'SND-2', 'SND-3', 'EXPECT']);
    expect(report.requirements.map((r) => r.id)).toEqual(['SND-1', 'SND-2', 'SND-3']);
    expect(REQUIREMENTS.map((r) => r.id as string).filter((id) => id.startsWith('SND-'))).toEqual([]);
    expect(JSON.parse(renderReportJson(report))).toMatchObject({ formatVersion: 1, subject: 'sender' });
  });

  it("report.html uses sender wording and none of certify's", () => {
    const page = renderReportHtml(report);
    const text = bodyText(page);
    expect(text).toContain('gridX webhook sender check');
    expect(text).toContain('deliveries received');
    expect(page).toContain('<title>hookproof sender check: FAIL: http://127.0.0.1:8787/</title>');
    for (const wording of CERTIFY_ONLY_HTML) expect(text).not.toContain(wording);
    expect(page).not.toContain('hookproof certificate');
  });

  it('junit.xml has no seed or runs property and no seed or "cases sent" in its text', () => {
    const xml = renderJunitXml(report);
    expect(xml).toContain('<property name="subject" value="sender"/>');
    expect(xml).not.toContain('name="seed"');
    expect(xml).not.toContain('name="runs"');
    expect(xml).not.toMatch(/seed/i);
    expect(xml).not.toContain('cases sent');
    expect(xml).not.toMatch(/\d+ cases?\.\n/);
    expect(xml).toContain('2 deliveries received.');
    expect(xml).toMatch(/<testcase classname="SND-2"[^>]*>\s*<failure /);
    expect(xml).toContain('SND-2 (required): 2 cases judged');
  });

  it('the console summary has no seed and no --seed hint', () => {
    const text = renderSummary(report);
    expect(text).not.toMatch(/seed/i);
    expect(text.split('\n')[0]).toBe('hookproof 0.1.0  listen  FAIL  http://127.0.0.1:8787/'.replace('0.1.0', report.tool.version));
    expect(text.split('\n')[1]).toMatch(/^\d+ passed, \d+ failed, 0 warnings, \d+ skipped · 2 deliveries received · /);
  });
});

describe('a receiver report (no subject) keeps the certify wording', () => {
  it('report.html', () => {
    const text = bodyText(renderReportHtml({ ...makeReport(), options: { ...makeReport().options, allowHttp: true } }));
    expect(text).toContain('gridX webhook receiver certification');
    expect(text).toContain('424242');
    expect(text).toContain('40 runs per property, 5000 ms timeout');
    expect(text).toContain('cases sent');
    expect(text).toContain('--seed 424242');
    expect(text).toContain('transport security (TLS-1) was not proven');
    expect(text).not.toContain('sender');
  });

  it('junit.xml and the console summary', () => {
    const report = makePassingReport();
    const xml = renderJunitXml(report);
    expect(xml).toContain('<property name="seed" value="424242"/>');
    expect(xml).toContain('<property name="runs" value="40"/>');
    expect(xml).not.toContain('name="subject"');
    expect(xml).toContain('(seed 424242)');
    expect(renderSummary(report)).toContain('Re-run with --seed 424242 to send the same cases.');
    expect(JSON.parse(renderReportJson(report))).not.toHaveProperty('subject');
  });
});
