/** The real server (`server/src/main.ts`) as a child process on loopback, with a logged-in admin session. */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '@lz/server/catalogue';

export const BENCH_ADMIN_PASSWORD = 'bench-secret-password-2019';

export interface BenchServer {
  url: string;
  cookie: string;
  pid: number;
  rssMb(): number;
  /** How long the server took at start to load every version's figures into memory. */
  storeLoadMs: number;
  /** From spawning the process to its answering the first request (the login). */
  startMs: number;
  stop(): Promise<void>;
}

/**
 * `databaseUrl` (postgres://…) runs the server on PostgreSQL instead of the SQLite file `dbPath`; `startLimitMs`
 * (default 180 s) bounds the wait for it to listen (a busy machine, or a nation's figures, take longer).
 */
export async function startServer(o: {
  dbPath: string;
  campaignDir: string;
  port: number;
  databaseUrl?: string;
  startLimitMs?: number;
  /** The real-name records' key file (PII_KEY_FILE) when it is not the one beside `dbPath`. */
  piiKeyFile?: string;
}): Promise<BenchServer> {
  const spawned = performance.now();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: join(repoRoot, 'server'),
    env: {
      ...process.env,
      DB_PATH: o.dbPath,
      DATABASE_URL: o.databaseUrl ?? '',
      CAMPAIGN_DIR: o.campaignDir,
      PORT: String(o.port),
      HOST: '127.0.0.1',
      ADMIN_PASSWORD: BENCH_ADMIN_PASSWORD,
      DEMO: '',
      ...(o.piiKeyFile ? { PII_KEY_FILE: o.piiKeyFile } : {}),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  await new Promise<void>((resolve, reject) => {
    // Generous by default: on a loaded 2-core machine compiling the server alone can take a minute.
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), o.startLimitMs ?? 180_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('listening on')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${out}`)));
  });
  const url = `http://127.0.0.1:${o.port}`;
  const login = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: BENCH_ADMIN_PASSWORD }),
  });
  if (!login.ok) throw new Error(`login failed: ${login.status} ${await login.text()}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const startMs = performance.now() - spawned;
  const pid = child.pid ?? 0;
  return {
    url,
    cookie,
    pid,
    startMs,
    storeLoadMs: Number(/loaded in (\d+) ms/.exec(out)?.[1] ?? NaN),
    rssMb: () => {
      const line =
        readFileSync(`/proc/${pid}/status`, 'utf8')
          .split('\n')
          .find((l) => l.startsWith('VmRSS:')) ?? '';
      return Number(line.replace(/\D+/g, '')) / 1024;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
