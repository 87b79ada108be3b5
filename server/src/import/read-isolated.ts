/**
 * Reads an uploaded file in the reading worker pool and turns every way that can end into an `AppError`:
 * the worker's own refusals come back as they were thrown; a file that ran out of time or memory, or took
 * its worker down, is a 4xx naming the limit (the server and every other request carry on); a full queue
 * is a 503 with Retry-After. Any importer (monthly report, history file, roster) reads through here.
 */
import { AppError, badRequest, serviceBusy, tooLarge } from '../errors';
import { READ_MEMORY_MB, READ_QUEUE, READ_TIME_LIMIT_MS, READ_WORKERS, type ReadBudget } from './budgets';
import type { Sheet } from './grid';
import { WorkerFailure, WorkerPool, WorkerTaskError } from './read-pool';

let shared: WorkerPool | null = null;

/** The process's reading pool, sized from the environment (budgets.ts); started on first use or by `warm()`. */
export function sharedReadPool(): WorkerPool {
  shared ??= new WorkerPool({
    module: new URL('./read-upload.ts', import.meta.url),
    size: READ_WORKERS,
    timeoutMs: READ_TIME_LIMIT_MS,
    memoryMb: READ_MEMORY_MB,
    maxQueue: READ_QUEUE,
  });
  return shared;
}

export async function readSheetsIsolated(
  bytes: Uint8Array,
  fileName: string,
  budget: ReadBudget,
  pool: WorkerPool = sharedReadPool(),
): Promise<Sheet[]> {
  try {
    return await pool.run<Sheet[]>('readUpload', [bytes, fileName, budget]);
  } catch (err) {
    throw toAppError(err, pool);
  }
}

function toAppError(err: unknown, pool: WorkerPool): AppError {
  const retry = '请只保留报表所在的工作表、删除多余的行列后重新上传';
  if (err instanceof WorkerTaskError && err.fields) {
    const { status, code, message, details } = err.fields;
    return new AppError(status as AppError['status'], code, message, details as AppError['details']);
  }
  if (err instanceof WorkerFailure) {
    switch (err.kind) {
      case 'timeout':
        return new AppError(
          422,
          'file_too_complex',
          `读取文件超过 ${pool.options.timeoutMs / 1000} 秒上限仍未完成，已停止：文件过于复杂，不像是报表；${retry}`,
        );
      case 'out_of_memory':
        return tooLarge(
          `读取文件所需内存超过 ${pool.options.memoryMb} MB 上限，已停止：文件过于复杂，不像是报表；${retry}`,
        );
      case 'crashed':
        return new AppError(
          422,
          'file_too_complex',
          `读取文件时读取程序意外退出，文件无法读取；请在 Excel/WPS 中重新另存为 .xlsx 后上传`,
        );
      case 'busy':
        return serviceBusy('正在读取的上传文件较多，请稍后几秒再上传', 5);
    }
  }
  // A parser bug or an exotic file must still answer as a refused upload, never as a 500 with a stack.
  return badRequest('无法读取该文件，请在 Excel/WPS 中另存为 .xlsx 后重新上传', 'corrupt_workbook');
}
