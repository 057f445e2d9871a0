import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONTENT_SECURITY_POLICY, writeReports } from '../../src/reports';
import type { CertificationReport } from '../../src/evidence/certificationReport';
import { certify } from './support/certify';
import { dumpDom, findChromium, screenshot } from './support/chromium';
import { makeReport } from './support/fixtures';
import { bodyText, executableScripts, networkReferences } from './support/htmlChecks';
import { pngSize } from './support/png';
import { defectiveReceiver } from './support/receivers';
import { closeAfterAll, serve, type RunningReceiver } from '../support/servers';
import { leakedForms, SECRET } from './support/secret';

// Rendering in a real browser is part of the contract of report.html. Locally a missing chromium
// skips these tests with a message; in CI (CI=true) it fails them, so that a CI image without the
// browser cannot pass silently. Install: `apt-get update && apt-get install -y chromium`, or point
// HOOKPROOF_CHROMIUM at a Chrome/Chromium binary. In CI, .ci/run installs it before the tests.
const chromium = findChromium();
const inCI = process.env.CI === 'true';
const INSTALL_HINT =
  'chromium not found (looked at $HOOKPROOF_CHROMIUM if set, else /usr/bin/chromium, /usr/bin/chromium-browser, /usr/bin/google-chrome): run `apt-get update && apt-get install -y chromium` or set HOOKPROOF_CHROMIUM';
if (chromium === undefined && !inCI) {
  console.warn(`SKIPPING the headless-browser tests of report.html: ${INSTALL_HINT}. In CI (CI=true) they fail instead.`);
}
const describeBrowser = chromium === undefined && !inCI ? describe.skip : describe;

function browser(): string {
  if (chromium === undefined) throw new Error(`${INSTALL_HINT}. CI=true, so this is a failure, not a skip.`);
  return chromium;
}

describeBrowser('report.html in headless chromium', () => {
  let dir: string;
  const closing = closeAfterAll();
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hookproof-browser-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('has a browser to run in', () => {
    expect(browser()).toMatch(/chrom/i);
  });

  describe('the report of a real run against a defective receiver', () => {
    let report: CertificationReport;
    let htmlPath: string;
    let dom: string;
    beforeAll(async () => {
      const receiver = await closing(defectiveReceiver());
      report = await certify(`${receiver.url}hooks/gridx`);
      htmlPath = (await writeReports(report, join(dir, 'real'), [SECRET])).html;
      dom = chromium === undefined ? '' : await dumpDom(chromium, htmlPath);
    });

    it('renders verdict, target, spec hash, requirement IDs and a failure reproduction as text', () => {
      const text = bodyText(dom);
      expect(report.verdict).toBe('fail');
      expect(text).toContain('✘ FAIL');
      expect(text).toContain('Not conformant');
      expect(text).toContain(report.target.url);
      expect(text).toContain(report.spec.sha256);
      for (const r of report.requirements) expect(text).toContain(r.id);
      const failure = report.checks.flatMap((c) => c.failures)[0];
      expect(failure).toBeDefined();
      expect(text).toContain(failure?.case ?? '?');
      expect(text).toContain(failure?.reproduce.replay ?? '?');
      expect(text).toContain(failure?.reproduce.curl.split('\n')[0] ?? '?');
      // Nothing on the page is hidden: the stylesheet hides no element, so DOM text is visible text.
      expect(dom).not.toMatch(/display\s*:\s*none|visibility\s*:\s*hidden/);
      expect(leakedForms(dom)).toEqual([]);
    });

    it('keeps its own CSP and references nothing outside itself, as rendered', () => {
      expect(dom).toContain(`<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`);
      expect(networkReferences(dom)).toEqual([]);
      expect(executableScripts(dom)).toEqual([]);
    });

    it('produces a screenshot (kept in $HOOKPROOF_SCREENSHOT_DIR when set)', async () => {
      const png = join(dir, 'report.png');
      await screenshot(browser(), htmlPath, png, '1280,2400');
      const bytes = await readFile(png);
      expect(pngSize(bytes)).toEqual({ width: 1280, height: 2400 });
      // A blank page compresses to a few kilobytes; a rendered certificate does not.
      expect(bytes.length).toBeGreaterThan(50_000);
      const keep = process.env.HOOKPROOF_SCREENSHOT_DIR;
      if (keep !== undefined && keep !== '') {
        await mkdir(keep, { recursive: true });
        await copyFile(png, join(keep, 'report.png'));
        await copyFile(htmlPath, join(keep, 'report.html'));
      }
    });
  });

  describe('network isolation, proven with a canary server', () => {
    let canary: RunningReceiver;
    beforeAll(async () => {
      canary = await closing(
        serve((req, res) => {
          req.resume();
          res.writeHead(200, { 'content-type': 'image/gif' }).end();
        }, '/'),
      );
    });

    /** Markup that would make a browser request the canary if it were ever rendered as markup. */
    const lure = (): string =>
      `<img src="${canary.url}img"><script src="${canary.url}js"></script><link rel="stylesheet" href="${canary.url}css">` +
      `<iframe src="${canary.url}frame"></iframe><p style="background:url(${canary.url}bg)">x</p>`;

    it('control: without the CSP the browser does fetch the lure (so a zero below means something)', async () => {
      const page = join(dir, 'control.html');
      await writeFile(page, `<!DOCTYPE html><html><body>${lure()}</body></html>`);
      const before = canary.hits();
      await dumpDom(browser(), page, ['--virtual-time-budget=2000']);
      expect(canary.hits()).toBeGreaterThan(before);
    });

    it('control: with the report page CSP the same raw markup fetches nothing', async () => {
      const page = join(dir, 'csp.html');
      await writeFile(page, `<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}"></head><body>${lure()}</body></html>`);
      const before = canary.hits();
      await dumpDom(browser(), page, ['--virtual-time-budget=2000']);
      expect(canary.hits()).toBe(before);
    });

    it('a report whose bodies, labels and notes carry the lure renders it as text and fetches nothing', async () => {
      const base = makeReport({ gone: true });
      const hostile: CertificationReport = {
        ...base,
        checks: base.checks.map((c) => ({
          ...c,
          title: `${c.title} ${lure()}`,
          note: lure(),
          failures: c.failures.map((f) => ({ ...f, label: lure(), actual: lure(), request: { ...f.request, bodyText: lure() } })),
        })),
      };
      const htmlPath = (await writeReports(hostile, join(dir, 'hostile'), [SECRET])).html;
      const before = canary.hits();
      const dom = await dumpDom(browser(), htmlPath, ['--virtual-time-budget=2000']);
      expect(canary.hits()).toBe(before);
      expect(networkReferences(dom)).toEqual([]);
      expect(bodyText(dom)).toContain(`<img src="${canary.url}img">`);
    });
  });

  describe("junit.xml in chromium's XML parser (libxml2)", () => {
    it('parses without error', async () => {
      const { junit } = await writeReports(makeReport({ gone: true, leakSecret: true }), join(dir, 'junit'), [SECRET]);
      const dom = await dumpDom(browser(), junit);
      expect(dom).not.toContain('parsererror');
      expect(dom).toContain('testsuites');
    });

    it('control: reports an error for a malformed file', async () => {
      const bad = join(dir, 'bad.xml');
      await writeFile(bad, '<?xml version="1.0"?><testsuites><testsuite></testsuites>');
      expect(await dumpDom(browser(), bad)).toContain('parsererror');
    });
  });
});
