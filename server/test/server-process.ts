/**
 * The server as an operator starts it (`main.ts` in its own process, PORT=0 so the OS picks a port), for tests
 * of start-up and of several processes on one database. Every process started is stopped by `stopServers`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const serverDir = join(__dirname, '..');
const running: ChildProcess[] = [];

export interface ServerProcess {
  url: string;
  output: () => string;
  /** Ends the process with `signal` and resolves once it has exited. */
  kill: (signal: NodeJS.Signals) => Promise<void>;
}

/** Resolves with the URL it listens on and its output so far, once it says it listens. */
export function startServer(env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: serverDir,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', TZ: 'UTC', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 60_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listening on (http:\/\/[\d.]+:\d+)\//.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        const kill = (signal: NodeJS.Signals) =>
          new Promise<void>((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done();
            child.once('exit', () => done());
            child.kill(signal);
          });
        resolve({ url: m[1], output: () => out, kill });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited ${code}:\n${out}`)));
  });
}

export function stopServers(): void {
  for (const p of running.splice(0)) p.kill('SIGTERM');
}
