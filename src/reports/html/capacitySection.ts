import type { CertificationReport } from '../../evidence/certificationReport';
import { probeBoundText } from '../../evidence/probeBound';
import { capacityChart } from './capacityChart';
import { html, type SafeHtml } from './safeHtml';

/**
 * A certification with a declared rate: what its capacity phases measured (the CAP checks hold the
 * judgements): the overload probe's result, the recovery burst, the chart of rate and latency over
 * time, and one row per phase, ending in a newline. Nothing at all for a run without a rate (its
 * page stays byte for byte what it was). Every value goes through `html`.
 */
export function capacitySection(report: CertificationReport): SafeHtml {
  const capacity = report.capacity;
  if (capacity === undefined) return html``;
  const { settings, phases, findMax, recovery } = capacity;
  const interrupted =
    capacity.interrupted === undefined
      ? html``
      : html`<p><strong>Interrupted:</strong> a signal stopped the capacity phases; ${capacity.interrupted.unfinished.join(', ')} unfinished (not counted as run).</p>`;
  const declared = html`<p>Declared rate ${settings.rate} events/s for ${settings.durationMs / 1000} s${settings.findMax !== undefined ? html`; overload probe up to ${settings.findMax.maxRate}/s in steps of ${settings.findMax.stepMs / 1000} s` : ''}${settings.outageMs !== undefined ? html`; recovery burst after a ${settings.outageMs / 1000} s outage` : ''}.</p>`;
  if (phases.length === 0)
    return html`<section id="capacity"><h2>Capacity</h2>${declared}${interrupted}<p>No capacity traffic was sent: see CAP-1..3 in the checks.</p></section>
`;
  const bound = findMax === undefined ? undefined : probeBoundText(findMax);
  const probe =
    findMax === undefined
      ? html``
      : html`<p>Holds ${findMax.maxHeldRate} events/s${findMax.brokeAt !== undefined ? html`; at ${findMax.brokeAt.rate}/s: ${findMax.brokeAt.how}` : html` (nothing up to ${settings.findMax?.maxRate ?? findMax.maxHeldRate}/s broke it)`}${findMax.selfLimited ? ' (hookproof itself stalled: the bracket is not trusted)' : ''}.${bound !== undefined ? html` <strong>Bounded:</strong> ${bound}.` : ''}</p>`;
  const burst =
    recovery === undefined
      ? html``
      : html`<p>Recovery burst: backlog ${recovery.backlog} (+${recovery.duplicates} duplicates) with ${recovery.live} live events; ${recovery.accepted} accepted (by attempt: ${recovery.acceptedByAttempt.join(', ')}), ${recovery.lostPermanently} refused permanently, ${recovery.exhausted} still refused after the retries; Retry-After honoured ${recovery.retryAfterHonoured} times.</p>`;
  const rows = phases.map(
    (p) =>
      html`<tr><td>${p.name}</td><td class="num">${p.rate}</td><td class="num">${p.sent}</td><td class="num">${p.classes.success - p.lateSuccesses}</td><td class="num">${p.achievedRate}</td><td class="num">${p.latency.p50Ms}</td><td class="num">${p.latency.p90Ms}</td><td class="num">${p.latency.p99Ms}</td><td class="num">${p.latency.maxMs}</td><td class="mono">${Object.entries(
        p.statuses,
      )
        .map(([status, n]) => `${status}×${n}`)
        .join(' ')}</td></tr>
`,
  );
  return html`<section id="capacity"><h2>Capacity</h2>
${declared}${interrupted}${probe}${burst}
${capacityChart(phases)}
<div class="scroll"><table><thead><tr><th>Phase</th><th class="num">Offered /s</th><th class="num">Sent</th><th class="num">Accepted in 5 s</th><th class="num">Achieved /s</th><th class="num">p50 ms</th><th class="num">p90 ms</th><th class="num">p99 ms</th><th class="num">max ms</th><th>Statuses</th></tr></thead><tbody>
${rows}</tbody></table></div></section>
`;
}
