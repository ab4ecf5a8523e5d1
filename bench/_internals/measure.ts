// One closed-model autocannon run, reduced to the figures the benchmark tables print.
import autocannon from 'autocannon';

export interface Measurement {
  label: string;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
}

export async function measure(
  label: string,
  url: string,
  options: { headers?: Record<string, string>; seconds?: number; connections?: number } = {},
): Promise<Measurement> {
  const result = await autocannon({
    url,
    headers: options.headers ?? {},
    connections: options.connections ?? 10,
    duration: options.seconds ?? 5,
  });
  return {
    label,
    rps: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

export function formatTable(rows: Measurement[], baseline: Measurement): string {
  const lines = ['| what | req/s | p50 ms | p99 ms | errors | non-2xx | req/s vs bare |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: |'];
  for (const row of rows) {
    const ratio = baseline.rps > 0 ? (row.rps / baseline.rps).toFixed(2) : 'n/a';
    lines.push(`| ${row.label} | ${Math.round(row.rps)} | ${row.p50Ms} | ${row.p99Ms} | ${row.errors} | ${row.non2xx} | ${ratio} |`);
  }
  return lines.join('\n');
}
