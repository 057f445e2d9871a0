import type { CertificationReport, CheckReport } from '../../evidence/certificationReport';
import { escapeXmlAttribute, escapeXmlText } from '../../text/escapeXml';
import { failureHeadline, failureLines } from '../text/failureText';
import { plural } from '../../text/plural';

/** JUnit's time: seconds with millisecond precision. */
export function junitSeconds(ms: number): string {
  return (Math.max(0, ms) / 1000).toFixed(3);
}

/**
 * One `<testcase>` for one check: classname is the requirement ID (CI tools group by it), name is
 * `<id>: <title>`; neither carries the status, so a check keeps one identity in test-history
 * trends whatever its result.
 *
 * A warning (a recommended requirement not met) is written as `<skipped>` with a message starting
 * "WARNING", the full text in the element and again in `<system-out>`. It is the one JUnit status
 * that is both non-failing (a warning must not turn CI red: it does not fail the verdict) and shown
 * with its text by the common reporters: GitLab shows the text of `<failure>`, `<error>` and
 * `<skipped>` but never `<system-out>` of a passed test; Jenkins shows the skip message on the
 * case page and counts it in the yellow "skipped" trend; GitHub's JUnit report actions list
 * skipped cases with their message while collapsing passed ones. A passed case with only a
 * `<system-out>` would hide the warning in two of the three.
 *
 * `subject` is the report's: a sender report's cases were judged, not sent.
 */
export function testcaseXml(check: CheckReport, subject?: CertificationReport['subject']): string {
  const open = `    <testcase classname="${escapeXmlAttribute(check.requirement)}" name="${escapeXmlAttribute(`${check.id}: ${check.title}`)}" time="${junitSeconds(check.durationMs)}"`;
  const body = testcaseBody(check, subject);
  return body.length === 0 ? `${open}/>` : `${open}>\n${body.map((line) => `      ${line}`).join('\n')}\n    </testcase>`;
}

function testcaseBody(check: CheckReport, subject: CertificationReport['subject']): string[] {
  const details = detailText(check, subject);
  switch (check.status) {
    case 'fail': {
      const message = summaryMessage(check) ?? 'check failed';
      return [`<failure message="${escapeXmlAttribute(message)}" type="${escapeXmlAttribute(`${check.requirement} ${check.severity}`)}">${escapeXmlText(details)}</failure>`];
    }
    case 'warn': {
      const message = `WARNING (${check.severity} requirement ${check.requirement}; does not fail the verdict): ${summaryMessage(check) ?? 'see the report'}`;
      return [`<skipped message="${escapeXmlAttribute(message)}">${escapeXmlText(details)}</skipped>`, `<system-out>${escapeXmlText(`WARNING\n${details}`)}</system-out>`];
    }
    case 'skip':
      return [`<skipped message="${escapeXmlAttribute(check.note ?? 'skipped')}"/>`];
    case 'inconclusive':
      // hookproof could not judge some case cleanly (its own process stalled): never a failure.
      return [`<skipped message="${escapeXmlAttribute(`INCONCLUSIVE: ${check.note ?? "hookproof's own process stalled"}`)}"/>`];
    case 'blocked':
      // Not judged, so not a failure of its own; the note starts "blocked by <ID>: …".
      return [`<skipped message="${escapeXmlAttribute(check.note ?? `blocked by ${(check.blockedBy ?? []).join(', ')}`)}"/>`];
    case 'pass':
      return check.note === undefined ? [] : [`<system-out>${escapeXmlText(check.note)}</system-out>`];
  }
}

/** The first failure's headline (and how many more), or the note. */
function summaryMessage(check: CheckReport): string | undefined {
  const [first] = check.failures;
  if (first === undefined) return check.note;
  const more = check.failures.length > 1 ? ` (+${plural(check.failures.length - 1, 'more failure')})` : '';
  return `${failureHeadline(first)}${more}`;
}

/** Every failure in full, then the note: what a CI reader needs to act without opening the report. */
function detailText(check: CheckReport, subject: CertificationReport['subject']): string {
  const blocks = check.failures.map((failure) => failureLines(failure).join('\n'));
  if (check.note !== undefined) blocks.push(`note: ${check.note}`);
  blocks.push(`${check.requirement} (${check.severity}): ${plural(check.cases, 'case')} ${subject === 'sender' ? 'judged' : 'sent'}`);
  return `\n${blocks.join('\n\n')}\n`;
}
