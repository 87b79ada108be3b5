/**
 * A small warm pool of worker threads that read uploaded files off the request thread. exceljs builds the
 * whole workbook in memory synchronously; a file no scan foresaw would otherwise stop every request and can
 * take the process down with it. In a worker it costs that one upload: each worker has a heap ceiling
 * (`resourceLimits`), each task a wall-clock limit after which the worker is terminated and replaced, and a
 * worker that dies (out of memory, crash) fails only the task it was running. Waiting tasks are bounded:
 * past `maxQueue` a task is refused at once rather than piling up behind a slow file.
 *
 * Generic over the module it runs (`module` exports the functions named in `run`), so a roster importer
 * can reuse it; arguments and results must be structured-cloneable (no functions).
 */
import { Worker } from 'node:worker_threads';

export interface PoolOptions {
  /** A TypeScript or JavaScript module whose exports `run` calls, loaded once per worker. */
  module: URL;
  size: number;
  timeoutMs: number;
  /** V8 old-generation ceiling per worker; past it the worker dies with ERR_WORKER_OUT_OF_MEMORY. */
  memoryMb: number;
  /** Tasks that may wait for a free worker. */
  maxQueue: number;
}

export type FailureKind = 'timeout' | 'out_of_memory' | 'crashed' | 'busy';

/** Why a task did not finish; read-isolated.ts turns it into the answer. */
export class WorkerFailure extends Error {
  constructor(readonly kind: FailureKind) {
    super(`worker ${kind}`);
    this.name = 'WorkerFailure';
  }
}

/** What a task threw, as fields (the worker sends an AppError's status, code, message and details). */
export class WorkerTaskError extends Error {
  constructor(readonly fields: { status: number; code: string; message: string; details?: unknown } | null) {
    super(fields?.message ?? 'task failed');
    this.name = 'WorkerTaskError';
  }
}

interface Task {
  id: number;
  fn: string;
  args: unknown[];
  resolve: (value: unknown) => void;
  reject: (err: Error) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  task: Task | null;
  timer: NodeJS.Timeout | null;
  /** Set when the pool itself ended the worker, so its exit is not counted as a crash. */
  ended: FailureKind | null;
  outOfMemory: boolean;
}

const ENTRY = new URL('./read-worker.mjs', import.meta.url);

export class WorkerPool {
  private slots: Slot[] = [];
  private queue: Task[] = [];
  private nextId = 1;
  private closed = false;

  constructor(readonly options: PoolOptions) {}

  /** Starts the workers now, so the first upload does not wait for exceljs to load. */
  warm(): void {
    while (!this.closed && this.slots.length < this.options.size) this.spawn();
  }

  run<T>(fn: string, args: unknown[]): Promise<T> {
    if (this.queue.length >= this.options.maxQueue) return Promise.reject(new WorkerFailure('busy'));
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, fn, args, resolve: resolve as (v: unknown) => void, reject });
      this.warm();
      this.dispatch();
    });
  }

  /** Tasks running or waiting. */
  get pending(): number {
    return this.queue.length + this.slots.filter((s) => s.task).length;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.queue.splice(0)) t.reject(new WorkerFailure('busy'));
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private spawn(): void {
    const worker = new Worker(ENTRY, {
      workerData: { module: this.options.module.href },
      resourceLimits: { maxOldGenerationSizeMb: this.options.memoryMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
    });
    // An idle reader must not keep a script or test process alive; a busy one is ref'd while it works.
    worker.unref();
    const slot: Slot = { worker, ready: false, task: null, timer: null, ended: null, outOfMemory: false };
    this.slots.push(slot);
    worker.on(
      'message',
      (m: {
        ready?: true;
        id?: number;
        ok?: boolean;
        value?: unknown;
        error?: ConstructorParameters<typeof WorkerTaskError>[0];
      }) => {
        if (m.ready) {
          slot.ready = true;
          this.dispatch();
          return;
        }
        const task = slot.task;
        if (!task || m.id !== task.id) return;
        this.release(slot);
        if (m.ok) task.resolve(m.value);
        else task.reject(new WorkerTaskError(m.error ?? null));
        this.dispatch();
      },
    );
    worker.on('error', (err: Error & { code?: string }) => {
      if (err.code === 'ERR_WORKER_OUT_OF_MEMORY') slot.outOfMemory = true;
    });
    worker.on('exit', () => {
      const wasReady = slot.ready;
      const task = slot.task;
      if (slot.timer) clearTimeout(slot.timer);
      this.slots = this.slots.filter((s) => s !== slot);
      if (task) task.reject(new WorkerFailure(slot.ended ?? (slot.outOfMemory ? 'out_of_memory' : 'crashed')));
      if (this.closed) return;
      if (!wasReady) {
        // A worker that cannot even start would fail every replacement too: fail what waits, respawn on the next task.
        for (const t of this.queue.splice(0)) t.reject(new WorkerFailure('crashed'));
        return;
      }
      this.warm();
      this.dispatch();
    });
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (!slot.ready || slot.task || slot.ended) continue;
      const task = this.queue.shift();
      if (!task) return;
      slot.task = task;
      slot.worker.ref();
      slot.timer = setTimeout(() => {
        slot.ended = 'timeout';
        void slot.worker.terminate();
      }, this.options.timeoutMs);
      try {
        slot.worker.postMessage({ id: task.id, fn: task.fn, args: task.args });
      } catch {
        // Arguments that cannot be cloned are the caller's bug; the worker is fine.
        this.release(slot);
        task.reject(new WorkerTaskError(null));
      }
    }
  }

  private release(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.task = null;
    slot.worker.unref();
  }
}
