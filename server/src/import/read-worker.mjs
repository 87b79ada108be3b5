/**
 * Entry of a reading worker (read-pool.ts). Plain JavaScript because a worker thread starts without the
 * TypeScript loader of its parent (tsx in the server, vite in vitest); `tsImport` loads the TypeScript
 * module named in workerData in either case. Messages in: `{ id, fn, args }`; out: `{ ready }` once, then
 * `{ id, ok, value }` or `{ id, ok: false, error }` where `error` is an AppError's fields (or null for
 * anything else, which the pool answers as an unreadable file: no stack crosses back).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

const mod = await tsImport(workerData.module, import.meta.url);

parentPort.on('message', async ({ id, fn, args }) => {
  try {
    const value = await mod[fn](...args);
    parentPort.postMessage({ id, ok: true, value });
  } catch (err) {
    const app = err instanceof Error && err.name === 'AppError' && typeof err.status === 'number';
    const error = app ? { status: err.status, code: err.code, message: err.message, details: err.details } : null;
    parentPort.postMessage({ id, ok: false, error });
  }
});
parentPort.postMessage({ ready: true });
