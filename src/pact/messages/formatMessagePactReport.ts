import type { MessagePactReport } from './messageReport';

const STATUS = { pass: 'ok  ', warn: 'warn', fail: 'FAIL' } as const;

/**
 * The report as lines for a terminal: one line per message, then one line per finding under it,
 * then a summary line.
 *
 *     FAIL  ev/plugged event relying on /data/colour  (ev/plugged)
 *           error    /data/colour  the receiver relies on it, but the spec has no such field in ev/plugged events
 */
export function formatMessagePactReport(report: MessagePactReport): string[] {
  const lines = [
    `pact  ${report.pact.consumer} (consumer) ← ${report.pact.provider} (provider), pact specification ${report.pact.specification}: ${report.pact.path}`,
    `spec  ${report.spec.path} (sha256 ${report.spec.sha256.slice(0, 12)}…), seed ${report.seed}`,
  ];
  for (const message of report.messages) {
    lines.push(`${STATUS[message.status]}  ${message.description}  (${message.type ?? 'no event type'})`);
    for (const finding of message.findings) {
      lines.push(`      ${finding.severity === 'error' ? 'error  ' : 'warning'}  ${finding.pointer === '' ? '(body)' : finding.pointer}  ${finding.message}`);
    }
  }
  for (const skipped of report.skipped) lines.push(`skip  ${skipped.description}  (${skipped.type}: not an asynchronous message)`);
  const count = (status: 'pass' | 'warn' | 'fail'): number => report.messages.filter((m) => m.status === status).length;
  const warnings = report.messages.reduce((n, m) => n + m.findings.filter((f) => f.severity === 'warning').length, 0);
  lines.push(
    `${report.messages.length} message(s): ${count('pass') + count('warn')} producible by gridX, ${count('fail')} not; ${warnings} warning(s) — ${report.passed ? 'pass' : 'FAIL'}`,
  );
  return lines;
}
