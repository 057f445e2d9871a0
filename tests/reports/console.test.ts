import { createProgressRenderer, renderSummary } from '../../src/reports';
import { defaultColor } from '../../src/reports/console/ansi';
import type { ProgressEvent } from '../../src/evidence/progressEvent';
import type { CheckReport } from '../../src/evidence/certificationReport';
import { makePassingReport, makeReport } from './support/fixtures';
import { leakedForms, SECRET } from './support/secret';

/** A stream that records what was written. */
function recorder(isTTY: boolean, columns = 100): { isTTY: boolean; columns: number; out: string; write(s: string): void } {
  return {
    isTTY,
    columns,
    out: '',
    write(s: string) {
      this.out += s;
    },
  };
}

// eslint-disable-next-line no-control-regex -- ESC [ starts an ANSI colour sequence, what this matches
const ANSI = /\x1b\[/;

describe('renderSummary', () => {
  it('gives verdict, counts, each failing or warning check with its first failure and reproduction, and the report path', () => {
    const report = makeReport();
    const text = renderSummary(report, { htmlPath: 'hookproof-report/report.html' });
    const lines = text.split('\n');
    expect(lines[0]).toBe('hookproof 0.1.0  FAIL  https://receiver.example.com/hooks?tenant=t1&x=<y>');
    expect(lines[1]).toBe('1 passed, 1 failed, 2 warnings, 1 skipped · 160 cases · seed 424242 · 7.3 s');
    expect(text).toContain('FAIL  sig-wrong-secret  SIG-3  40 cases  0.3 s  2 failures');
    expect(text).toContain('WARN  sig-upper-case  SIG-9  40 cases  0.3 s  1 failure');
    expect(text).toContain('WARN  sig-empty-401  SIG-10');
    expect(text).toContain('note: a 401 carried a body of 12 bytes');
    const first = report.checks[1]?.failures[0];
    expect(text).toContain(`label:    ${first?.label}`);
    expect(text).toContain('expected: 401');
    expect(text).toContain('actual:   204 success in 3 ms');
    expect(text).toContain(`  ${first?.reproduce.replay}`);
    for (const line of first?.reproduce.curl.split('\n') ?? []) expect(text).toContain(line);
    expect(text).toContain('(+1 more failure in the report)');
    expect(text).not.toContain('sig-wrong-secret#2');
    expect(text).toContain('SKIP  evt-valid-events: not run:');
    expect(text.endsWith('Report: hookproof-report/report.html\n')).toBe(true);
    expect(text).not.toMatch(ANSI);
  });

  it('is short for a passing receiver', () => {
    const text = renderSummary(makePassingReport(), { htmlPath: 'r/report.html' });
    expect(text.split('\n').filter((l) => l !== '')).toHaveLength(3);
    expect(text).toContain('  PASS  ');
  });

  it('shouts GONE', () => {
    expect(renderSummary(makeReport({ gone: true }))).toContain('!!! GONE: the receiver answered 410 Gone (case "valid (ping)"). gridX would DELETE this webhook subscription');
  });

  it('redacts secrets that slipped into the report', () => {
    const text = renderSummary(makeReport({ leakSecret: true }), { secrets: [SECRET] });
    expect(leakedForms(text)).toEqual([]);
    expect(text).toContain('[redacted]');
  });

  it('colours only when asked', () => {
    // eslint-disable-next-line no-control-regex -- ESC [31m is the ANSI red the summary must use
    expect(renderSummary(makeReport(), { color: true })).toMatch(/\x1b\[31mFAIL/);
  });
});

function checkEnd(check: CheckReport | undefined): ProgressEvent {
  if (check === undefined) throw new Error('fixture check missing');
  return { kind: 'check-end', check };
}

describe('createProgressRenderer', () => {
  const report = makeReport({ leakSecret: true });
  const events: ProgressEvent[] = [
    { kind: 'start', checks: 3, seed: 7 },
    { kind: 'check-start', id: 'sig-valid-single', title: 't' },
    { kind: 'check-start', id: 'sig-wrong-secret', title: 't' },
    { kind: 'case', id: 'sig-valid-single', sent: 1, failures: 0 },
    { kind: 'case', id: 'sig-wrong-secret', sent: 5, failures: 1 },
    checkEnd(report.checks[0]),
    { kind: 'gone', caseLabel: 'valid (ping)' },
    checkEnd(report.checks[1]),
    checkEnd(report.checks[4]),
  ];

  it('in CI writes one plain line per finished check, and the GONE line', () => {
    const stream = recorder(false);
    const render = createProgressRenderer(stream, { secrets: [SECRET] });
    events.forEach(render);
    expect(stream.out.split('\n')).toEqual([
      'hookproof: running 3 checks, seed 7',
      'PASS  sig-valid-single  SIG-1  40 cases  0.3 s',
      '!!! GONE: the receiver answered 410 Gone (case "valid (ping)"). gridX would DELETE this webhook subscription; the remaining checks are skipped.',
      'FAIL  sig-wrong-secret  SIG-3  40 cases  0.3 s  2 failures  (the receiver said: bad secret [redacted] (hex [redacted]))',
      'SKIP  evt-valid-events  EVT-1  0 cases  0.3 s  (not run: <b>the receiver</b> answered 410 Gone & more)',
      '',
    ]);
    // eslint-disable-next-line no-control-regex -- no carriage return or ANSI escape may reach a non-TTY stream
    expect(stream.out).not.toMatch(/[\r\x1b]/);
  });

  it('on a terminal redraws one live status line with the checks in flight, and clears it at the end', () => {
    const stream = recorder(true);
    let clock = 0;
    const render = createProgressRenderer(stream, { secrets: [SECRET], color: false, now: () => clock });
    for (const event of events) {
      clock += 100;
      render(event);
    }
    const frames = stream.out.split('\r\x1b[2K');
    expect(frames).toContain('[0/3] sig-valid-single 1 case · sig-wrong-secret 5 cases 1 failure');
    expect(frames).toContain('PASS  sig-valid-single  SIG-1  40 cases  0.3 s\n');
    expect(frames).toContain('[1/3] sig-wrong-secret 5 cases 1 failure');
    expect(stream.out).toContain('!!! GONE');
    // Once no check runs, the last thing written is a finished check's line: no live line is left.
    expect(stream.out).toMatch(/\nSKIP {2}evt-valid-events [^\r\n]*\n$/);
    expect(leakedForms(stream.out)).toEqual([]);
  });

  it('shows the capacity phases of certify --rate as hookproof capacity does: a live line on a terminal, a line every 5 s in a CI log', () => {
    const phase = (elapsedMs: number): ProgressEvent => ({
      kind: 'capacity',
      phase: 'CAP-1',
      rate: 40,
      elapsedMs,
      durationMs: 30_000,
      sent: elapsedMs / 25,
      answered: elapsedMs / 25,
      succeeded: elapsedMs / 25,
    });
    const log = recorder(false);
    let clock = 0;
    const plain = createProgressRenderer(log, { color: false, now: () => clock });
    for (const ms of [1000, 2000, 6000, 7000, 12_000]) {
      clock = ms;
      plain(phase(ms));
    }
    expect(log.out.split('\n').filter((line) => line !== '')).toEqual([
      'capacity: CAP-1 at 40/s  1/30 s  sent 40  answered 40  ok 40',
      'capacity: CAP-1 at 40/s  6/30 s  sent 240  answered 240  ok 240',
      'capacity: CAP-1 at 40/s  12/30 s  sent 480  answered 480  ok 480',
    ]);
    const terminal = recorder(true);
    const live = createProgressRenderer(terminal, { color: false, now: () => clock });
    clock += 1000;
    live(phase(13_000));
    expect(terminal.out).toBe('\r\x1b[2Kcapacity: CAP-1 at 40/s  13/30 s  sent 520  answered 520  ok 520');
  });

  it('cuts the live line to the terminal width so that it can be redrawn', () => {
    const stream = recorder(true, 30);
    const render = createProgressRenderer(stream, { color: false });
    render({ kind: 'start', checks: 1, seed: 1 });
    render({ kind: 'check-start', id: 'a-very-long-check-identifier-indeed', title: 't' });
    const frames = stream.out.split('\r\x1b[2K').filter((f) => f.startsWith('['));
    expect(frames.length).toBeGreaterThan(0);
    for (const frame of frames) expect(frame.length).toBeLessThanOrEqual(29);
  });

  it('redraws at most every redrawIntervalMs on case events', () => {
    const stream = recorder(true);
    const clock = 1000;
    const render = createProgressRenderer(stream, { color: false, now: () => clock, redrawIntervalMs: 80 });
    render({ kind: 'check-start', id: 'x', title: 't' });
    for (let sent = 1; sent <= 50; sent += 1) render({ kind: 'case', id: 'x', sent, failures: 0 });
    // One draw at check-start; the clock never moved, so no case event redrew.
    expect(stream.out.split('\r\x1b[2K').filter((f) => f !== '')).toEqual(['[0/0] x 0 cases']);
  });

  it('in CI says every heartbeatMs what is in flight, so that a long check does not look hung', () => {
    const stream = recorder(false);
    let clock = 0;
    const render = createProgressRenderer(stream, { color: false, now: () => clock, heartbeatMs: 5000 });
    render({ kind: 'start', checks: 2, seed: 1 });
    render({ kind: 'check-start', id: 'evt-boundary-values', title: 't' });
    for (let sent = 1; sent <= 30; sent += 1) {
      clock += 1000;
      render({ kind: 'case', id: 'evt-boundary-values', sent, failures: sent > 20 ? 1 : 0 });
    }
    const beats = stream.out.split('\n').filter((line) => line.startsWith('… '));
    expect(beats).toEqual([
      '… [0/2] evt-boundary-values 5 cases',
      '… [0/2] evt-boundary-values 10 cases',
      '… [0/2] evt-boundary-values 15 cases',
      '… [0/2] evt-boundary-values 20 cases',
      '… [0/2] evt-boundary-values 25 cases 1 failure',
      '… [0/2] evt-boundary-values 30 cases 1 failure',
    ]);
    // eslint-disable-next-line no-control-regex -- still no control characters off a terminal
    expect(stream.out).not.toMatch(/[\r\x1b]/);
  });

  it.each([
    [{}, true, true],
    [{}, false, false],
    [{ NO_COLOR: '1' }, true, false],
    [{ FORCE_COLOR: '1' }, false, true],
    [{ FORCE_COLOR: '3', NO_COLOR: '1' }, false, true],
    [{ FORCE_COLOR: '0' }, true, false],
    [{ FORCE_COLOR: 'false' }, true, false],
  ])('colour with env %j on a TTY %s: %s (FORCE_COLOR and NO_COLOR as Node.js reads them)', (env, isTTY, expected) => {
    expect(defaultColor(isTTY, env)).toBe(expected);
  });

  it('colours the status word on a terminal by default', () => {
    const stream = recorder(true);
    const previous = process.env.NO_COLOR;
    delete process.env.NO_COLOR;
    try {
      createProgressRenderer(stream)(checkEnd(makePassingReport().checks[0]));
    } finally {
      if (previous !== undefined) process.env.NO_COLOR = previous;
    }
    expect(stream.out).toContain('\x1b[32mPASS');
  });
});
