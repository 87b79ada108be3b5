/** Load: autocannon against the overview's main call on loopback, bounded in time. */
import autocannon from 'autocannon';
import type { BenchServer } from './server-process';

export interface LoadResult {
  path: string;
  seconds: number;
  connections: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  rssBeforeMb: number;
  rssAfterMb: number;
}

export async function runLoad(
  server: BenchServer,
  path: string,
  seconds: number,
  connections = 10,
): Promise<LoadResult> {
  const rssBeforeMb = server.rssMb();
  const result = await autocannon({
    url: server.url + path,
    connections,
    duration: seconds,
    headers: { cookie: server.cookie },
  });
  return {
    path,
    seconds,
    connections,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    rssBeforeMb,
    rssAfterMb: server.rssMb(),
  };
}
