/** p50/p95 of each dashboard call over HTTP on loopback, as the web app makes them. */
import type { BenchServer } from './server-process';
import { measure, timing, type Timing } from './stats';

/** The dashboard calls, keyed like the floor queries; `{county}` / `{department}` are filled per database. */
export function dashboardCalls(asOf: string, county: string): Record<string, string> {
  return {
    progress: `/api/progress?asOf=${asOf}`,
    'breakdown by county': `/api/progress/breakdown?by=county&indicator=T&asOf=${asOf}`,
    'breakdown by department': `/api/progress/breakdown?by=department&indicator=T&asOf=${asOf}`,
    series: `/api/series?indicator=T&asOf=${asOf}`,
    'series of one county': `/api/series?indicator=T&county=${county}&asOf=${asOf}`,
    ratios: `/api/ratios?asOf=${asOf}`,
    compliance: `/api/compliance?asOf=${asOf}`,
  };
}

export async function get(server: BenchServer, path: string): Promise<unknown> {
  const res = await fetch(server.url + path, { headers: { cookie: server.cookie } });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

export async function measureCalls(
  server: BenchServer,
  calls: Record<string, string>,
  n: number,
): Promise<Record<string, Timing & { coldMs: number }>> {
  const out: Record<string, Timing & { coldMs: number }> = {};
  for (const [name, path] of Object.entries(calls)) {
    const t0 = performance.now();
    await get(server, path);
    const coldMs = performance.now() - t0;
    out[name] = { ...(await measure(n, 10, () => get(server, path))), coldMs };
  }
  return out;
}

/**
 * The 9 a.m.-on-the-11th case: a report arrives, then a leader opens the overview. Each round posts a
 * new version of an unlocked report as JSON and then times the overview's progress call, which must see it.
 */
export async function measureAfterWrite(
  server: BenchServer,
  report: { department: string; month: string },
  asOf: string,
  n: number,
) {
  const base = `/api/reports/${report.department}/${report.month}`;
  const latest = (await get(server, base)) as { rows: { county: string; values: Record<string, number> }[] };
  // An unchanged re-submission is refused (409 unchanged): rounds alternate between the latest rows and
  // the same rows with one county blanked.
  const blanked = blankedRows(latest.rows);
  const submit: number[] = [];
  const read: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const res = await fetch(server.url + base, {
      method: 'POST',
      headers: { cookie: server.cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ rows: i % 2 === 0 ? blanked : latest.rows }),
    });
    if (res.status !== 201) throw new Error(`submit: ${res.status} ${await res.text()}`);
    await res.arrayBuffer();
    const t1 = performance.now();
    await get(server, `/api/progress?asOf=${asOf}`);
    read.push(performance.now() - t1);
    submit.push(t1 - t0);
  }
  return { submit: timing(submit), progressAfter: timing(read) };
}

type Rows = { county: string; values: Record<string, number> }[];

/** `rows` with the first county that has figures set to 0 (which every hard rule accepts): a different version. */
export function blankedRows(rows: Rows): Rows {
  const blank = rows.findIndex((r) => Object.values(r.values).some((v) => v !== 0));
  return rows.map((r, i) =>
    i === blank ? { ...r, values: Object.fromEntries(Object.keys(r.values).map((k) => [k, 0])) } : r,
  );
}

/**
 * Times `upload` `n` times after `warmup` unmeasured rounds, storing a different version (untimed) before
 * each, since uploading the latest figures again would be refused as unchanged.
 */
export async function measureUploads(
  server: BenchServer,
  base: string,
  n: number,
  warmup: number,
  upload: () => Promise<void>,
) {
  const latest = (await get(server, base)) as { rows: Rows };
  const other = JSON.stringify({ rows: blankedRows(latest.rows) });
  const reset = async () => {
    const res = await fetch(server.url + base, {
      method: 'POST',
      headers: { cookie: server.cookie, 'content-type': 'application/json' },
      body: other,
    });
    if (res.status !== 201) throw new Error(`submit: ${res.status} ${await res.text()}`);
    await res.arrayBuffer();
  };
  for (let i = 0; i < warmup; i++) {
    await reset();
    await upload();
  }
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    await reset();
    const t0 = performance.now();
    await upload();
    samples.push(performance.now() - t0);
  }
  return timing(samples);
}
