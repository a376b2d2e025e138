/**
 * Charts as inline SVG drawn on the server: no script, no inline style (colours come from
 * classes in lms.css), so they work under the strict CSP. Every chart has a text title and
 * sits beside a table of the same numbers for screen readers and for copying.
 */
import { html, type Html } from './html.js';
import { ukDate } from './reports.js';

const addDays = (date: string, n: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

export interface CumulativePoint {
  date: string;
  finished: number;
  passed: number;
}

/** Running totals per day from first to last date (gaps filled), at most `maxDays` days back from the last. */
export function cumulative(
  perDay: readonly { date: string; passed: number; failed: number; completed: number }[],
  maxDays = 366,
): CumulativePoint[] {
  if (!perDay.length) return [];
  const byDate = new Map(perDay.map((d) => [d.date, d]));
  const last = perDay.at(-1)!.date;
  let first = perDay[0]!.date;
  if (first < addDays(last, -maxDays)) first = addDays(last, -maxDays);
  let finished = perDay.filter((d) => d.date < first).reduce((t, d) => t + d.passed + d.failed + d.completed, 0);
  let passed = perDay.filter((d) => d.date < first).reduce((t, d) => t + d.passed, 0);
  const out: CumulativePoint[] = [];
  for (let date = first; date <= last; date = addDays(date, 1)) {
    const d = byDate.get(date);
    if (d) {
      finished += d.passed + d.failed + d.completed;
      passed += d.passed;
    }
    out.push({ date, finished, passed });
  }
  return out;
}

/** A line chart of learners who have finished and passed, by date. */
export function completionChart(points: readonly CumulativePoint[], title: string): Html {
  const W = 640,
    H = 260,
    left = 44,
    right = 16,
    top = 16,
    bottom = 40;
  const plotW = W - left - right,
    plotH = H - top - bottom;
  const max = Math.max(1, ...points.map((p) => p.finished));
  const step = max <= 5 ? 1 : Math.ceil(max / 5);
  const ticks = Array.from({ length: Math.floor(max / step) + 1 }, (_, i) => i * step);
  const x = (i: number) => left + (points.length <= 1 ? plotW / 2 : (i * plotW) / (points.length - 1));
  const y = (v: number) => top + plotH - (v * plotH) / max;
  const path = (key: 'finished' | 'passed') =>
    points.map((p, i) => `${i ? 'L' : 'M'}${x(i).toFixed(1)},${y(p[key]).toFixed(1)}`).join(' ');
  const labelEvery = Math.max(1, Math.ceil(points.length / 6));
  return html`<svg class="chart" viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="chart-completion-title">
  <title id="chart-completion-title">${title}</title>
  ${ticks.map((t) => html`<line class="chart__grid" x1="${left}" x2="${W - right}" y1="${y(t)}" y2="${y(t)}"/><text class="chart__label" x="${left - 6}" y="${y(t) + 4}" text-anchor="end">${t}</text>`)}
  ${points.map((p, i) => (i % labelEvery === 0 || i === points.length - 1 ? html`<text class="chart__label" x="${x(i)}" y="${H - bottom + 18}" text-anchor="middle">${ukDate(p.date)}</text>` : ''))}
  <line class="chart__axis" x1="${left}" x2="${W - right}" y1="${top + plotH}" y2="${top + plotH}"/>
  ${points.length ? html`<path class="chart__line chart__line--finished" d="${path('finished')}"/><path class="chart__line chart__line--passed" d="${path('passed')}"/>` : ''}
  ${points.length === 1 ? html`<circle class="chart__dot chart__dot--finished" cx="${x(0)}" cy="${y(points[0]!.finished)}" r="4"/><circle class="chart__dot chart__dot--passed" cx="${x(0)}" cy="${y(points[0]!.passed)}" r="4"/>` : ''}
  <g class="chart__legend" transform="translate(${left + 8}, ${H - 10})">
    <rect class="chart__key chart__key--finished" x="0" y="-9" width="12" height="4"/><text class="chart__label" x="18" y="-4">Finished</text>
    <rect class="chart__key chart__key--passed" x="90" y="-9" width="12" height="4"/><text class="chart__label" x="108" y="-4">Passed</text>
  </g>
</svg>`;
}

/** A horizontal bar for a share (0..1), with the rating's colour. */
export function bar(share: number, tone: string): Html {
  const width = Math.round(Math.max(0, Math.min(1, share)) * 200);
  return html`<svg class="bar" viewBox="0 0 200 14" width="200" height="14" aria-hidden="true" focusable="false"><rect class="bar__track" x="0" y="0" width="200" height="14"/><rect class="bar__fill bar__fill--${tone}" x="0" y="0" width="${width}" height="14"/></svg>`;
}

/** A donut-free pass rate: one bar split into passed and failed. */
export function passRateBar(passed: number, failed: number): Html {
  const total = passed + failed;
  const w = total ? Math.round((passed / total) * 300) : 0;
  return html`<svg class="bar" viewBox="0 0 300 18" width="300" height="18" role="img" aria-label="${total ? `${passed} passed and ${failed} failed` : 'Nobody has finished yet'}"><rect class="bar__track" x="0" y="0" width="300" height="18"/>${total ? html`<rect class="bar__fill bar__fill--best" x="0" y="0" width="${w}" height="18"/><rect class="bar__fill bar__fill--wrong" x="${w}" y="0" width="${300 - w}" height="18"/>` : ''}</svg>`;
}
