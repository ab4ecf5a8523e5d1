// The HTML report (`<scenario>.html`): one self-contained offline file. The chart library (uPlot,
// read from node_modules at report time) and the data are inlined; a Content-Security-Policy
// forbids every network request, so the file works (and leaks nothing) wherever it is opened.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { decodeHistogram, percentileSpectrum } from './histogram.js';
import type { LoadResult } from './load-result.js';
import { reportView, type Table } from './report-view.js';

const require = createRequire(import.meta.url);

let library: { script: string; style: string } | undefined;

function chartLibrary(): { script: string; style: string } {
  library ??= {
    script: readFileSync(require.resolve('uplot/dist/uPlot.iife.min.js'), 'utf8'),
    style: readFileSync(require.resolve('uplot/dist/uPlot.min.css'), 'utf8'),
  };
  return library;
}

export interface ChartData {
  t: number[];
  latency: { p50: number[]; p90: number[]; p99: number[]; max: number[] };
  rps: number[];
  noAnswer: number[];
  statuses: Array<{ status: string; values: number[] }>;
  /** [x, ms]: x = -log10(1 - percentile/100), so 1 is p90, 2 is p99, 3 is p99.9. */
  distribution: { x: number[]; ms: number[] };
}

export function chartData(result: LoadResult): ChartData {
  const points = result.timeline;
  const ms = (us: number): number => Math.round(us) / 1000;
  const statusNames = [...new Set(points.flatMap((point) => Object.keys(point.statuses)))].sort();
  const spectrum = percentileSpectrum(decodeHistogram(result.record.histogram));
  const x: number[] = [];
  const values: number[] = [];
  for (const [percentile, us] of spectrum) {
    const previous = x[x.length - 1] ?? 0;
    x.push(percentile >= 100 ? previous + 0.5 : Math.max(previous, -Math.log10(1 - percentile / 100)));
    values.push(ms(us));
  }
  return {
    t: points.map((point) => point.t),
    latency: {
      p50: points.map((point) => ms(point.p50)),
      p90: points.map((point) => ms(point.p90)),
      p99: points.map((point) => ms(point.p99)),
      max: points.map((point) => ms(point.max)),
    },
    rps: points.map((point) => point.requests),
    noAnswer: points.map((point) => point.errors + point.timeouts),
    statuses: statusNames.map((status) => ({ status, values: points.map((point) => point.statuses[status] ?? 0) })),
    distribution: { x, ms: values },
  };
}

export function renderHtml(result: LoadResult): string {
  const view = reportView(result);
  const { script, style } = chartLibrary();
  const data = JSON.stringify(chartData(result)).replace(/</g, '\\u003c');
  const tables = view.tables.map(htmlTable).join('\n');
  const notes = view.notes.length > 0 ? `<section><h2>Notes</h2><ul>${view.notes.map((note) => `<li>${escape(note)}</li>`).join('')}</ul></section>` : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(view.title)}</title>
<style>${style}</style>
<style>
body { font: 14px/1.45 system-ui, sans-serif; margin: 0 auto; max-width: 1100px; padding: 1.5rem; color: #1f2328; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
h2 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; }
.verdict { display: inline-block; padding: .15rem .6rem; border-radius: 1rem; font-weight: 600; }
.pass { background: #dafbe1; color: #116329; } .fail { background: #ffebe9; color: #a40e26; }
ul.facts { padding-left: 1.2rem; } table { border-collapse: collapse; margin: .25rem 0 1rem; }
th, td { border: 1px solid #d0d7de; padding: .25rem .6rem; text-align: left; vertical-align: top; }
th { background: #f6f8fa; } td.bad { color: #a40e26; font-weight: 600; }
.charts { display: grid; grid-template-columns: 1fr; gap: 1rem; } .chart { min-height: 300px; }
</style>
</head>
<body>
<h1>${escape(view.title)}</h1>
<p><span class="verdict ${view.passed ? 'pass' : 'fail'}">${view.status}</span> ${escape(view.verdict)}</p>
${view.description ? `<p>${escape(view.description)}</p>` : ''}
<ul class="facts">${view.facts.map((fact) => `<li>${escape(fact)}</li>`).join('')}</ul>
<section><h2>Charts</h2>
<div class="charts">
<div class="chart" id="chart-latency"></div>
<div class="chart" id="chart-rps"></div>
<div class="chart" id="chart-status"></div>
<div class="chart" id="chart-distribution"></div>
</div></section>
${tables}
${notes}
<script id="load-data" type="application/json">${data}</script>
<script>${script.replace(/<\/script/gi, '<\\/script')}</script>
<script>${CHART_SCRIPT}</script>
</body>
</html>
`;
}

function htmlTable(table: Table): string {
  const body = table.rows.length === 0
    ? `<tr><td colspan="${table.head.length}">(none)</td></tr>`
    : table.rows.map((row) => `<tr>${row.map((cell) => `<td${/^(BREACHED|REGRESSED|broke)/.test(cell) ? ' class="bad"' : ''}>${escape(cell)}</td>`).join('')}</tr>`).join('');
  return `<section><h2>${escape(table.title)}</h2><table><thead><tr>${table.head.map((cell) => `<th>${escape(cell)}</th>`).join('')}</tr></thead><tbody>${body}</tbody></table></section>`;
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Draws the four charts from the inlined data with the inlined uPlot. */
const CHART_SCRIPT = `
(function () {
  var data = JSON.parse(document.getElementById('load-data').textContent);
  var colors = ['#0969da', '#1a7f37', '#bf8700', '#cf222e', '#8250df', '#1b7c83', '#953800', '#6e7781'];
  function draw(id, title, x, series, xLabel, yLabel, extra) {
    var element = document.getElementById(id);
    var width = Math.max(320, element.clientWidth || 900);
    var options = {
      title: title, width: width, height: 280,
      scales: { x: { time: false } },
      series: [{ label: xLabel }].concat(series.map(function (s, i) {
        return { label: s.label, stroke: colors[i % colors.length], width: 2, points: { show: x.length < 40 } };
      })),
      axes: [Object.assign({ label: xLabel }, (extra && extra.xAxis) || {}), { label: yLabel, size: 70 }]
    };
    new uPlot(options, [x].concat(series.map(function (s) { return s.values; })), element);
  }
  draw('chart-latency', 'Latency percentiles over time', data.t, [
    { label: 'p50', values: data.latency.p50 }, { label: 'p90', values: data.latency.p90 },
    { label: 'p99', values: data.latency.p99 }, { label: 'max', values: data.latency.max }
  ], 'seconds', 'ms');
  draw('chart-rps', 'Responses per second', data.t, [
    { label: 'responses/s', values: data.rps }, { label: 'no answer/s', values: data.noAnswer }
  ], 'seconds', 'per second');
  draw('chart-status', 'Status codes over time', data.t, data.statuses.map(function (s) {
    return { label: s.status, values: s.values };
  }).concat([{ label: 'no answer', values: data.noAnswer }]), 'seconds', 'responses');
  var last = data.distribution.x.length ? data.distribution.x[data.distribution.x.length - 1] : 1;
  draw('chart-distribution', 'Latency distribution (percentile spectrum)', data.distribution.x, [
    { label: 'latency', values: data.distribution.ms }
  ], 'percentile', 'ms', { xAxis: {
    splits: function () { var s = []; for (var i = 0; i <= Math.floor(last); i++) s.push(i); return s; },
    values: function (u, splits) { return splits.map(function (v) {
      return v === 0 ? '0%' : (100 - 100 / Math.pow(10, v)).toFixed(Math.max(0, v - 2)) + '%';
    }); }
  } });
})();
`;
