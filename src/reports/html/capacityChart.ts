import type { CapacityPhaseRecord } from '../../evidence/capacitySection';
import { html, SafeHtml } from './safeHtml';

const WIDTH = 720;
const HEIGHT = 220;
const PAD = { left: 56, right: 56, top: 16, bottom: 32 };

/**
 * An inline SVG of the run, second by second over every phase in order: offered and achieved rate
 * (left axis, events/s) and p50/p99 latency (right axis, ms). Plain markup, readable without
 * JavaScript, and every number escaped by the `html` template. Drawn in capacity.html and, for a
 * certification with a declared rate, in report.html.
 */
export function capacityChart(phases: readonly Pick<CapacityPhaseRecord, 'name' | 'rate' | 'timeline'>[]): SafeHtml {
  const seconds = phases.flatMap((phase) => phase.timeline);
  if (seconds.length === 0) return html`<p>No second was measured.</p>`;
  const maxRate = Math.max(1, ...seconds.map((s) => Math.max(s.offered, s.succeeded)));
  const maxLatency = Math.max(1, ...seconds.map((s) => s.p99Ms));
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const x = (i: number): number => PAD.left + (seconds.length === 1 ? plotW / 2 : (i * plotW) / (seconds.length - 1));
  const yRate = (v: number): number => PAD.top + plotH - (v / maxRate) * plotH;
  const yLatency = (v: number): number => PAD.top + plotH - (v / maxLatency) * plotH;
  const line = (values: readonly number[], y: (v: number) => number): string => values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
  const series = [
    {
      name: 'offered (events/s)',
      colour: '#888',
      dash: '4 3',
      points: line(
        seconds.map((s) => s.offered),
        yRate,
      ),
    },
    {
      name: 'achieved (events/s)',
      colour: '#1a7f37',
      dash: '',
      points: line(
        seconds.map((s) => s.succeeded),
        yRate,
      ),
    },
    {
      name: 'p50 latency (ms)',
      colour: '#0969da',
      dash: '',
      points: line(
        seconds.map((s) => s.p50Ms),
        yLatency,
      ),
    },
    {
      name: 'p99 latency (ms)',
      colour: '#cf222e',
      dash: '',
      points: line(
        seconds.map((s) => s.p99Ms),
        yLatency,
      ),
    },
  ];
  const legend = series.map((s, i) => html`<text x="${PAD.left + i * 165}" y="${HEIGHT - 6}" fill="${s.colour}" font-size="11">■ ${s.name}</text>`);
  const polylines = series.map((s) => html`<polyline fill="none" stroke="${s.colour}" stroke-width="1.5" stroke-dasharray="${s.dash}" points="${s.points}"/>`);
  return html`<figure>
<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="offered and achieved rate and latency percentiles per second">
<rect x="${PAD.left}" y="${PAD.top}" width="${plotW}" height="${plotH}" fill="none" stroke="#ccc"/>
<text x="4" y="${PAD.top + 10}" font-size="11">${maxRate}/s</text>
<text x="4" y="${PAD.top + plotH}" font-size="11">0</text>
<text x="${WIDTH - PAD.right + 4}" y="${PAD.top + 10}" font-size="11">${Math.round(maxLatency)} ms</text>
${polylines}
${legend}
</svg>
<figcaption>${seconds.length} seconds over ${phases.length} phase(s): ${phases.map((p) => `${p.name} at ${p.rate}/s`).join(', ')}</figcaption>
</figure>`;
}
