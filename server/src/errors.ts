/**
 * Typed errors thrown by services; one `onError` (http/on-error.ts) turns them into
 * `{ error: { code, message, details } }`. Nothing else may leave the server.
 */
import type { RosterProblem } from '@lz/shared/api/rosters';
import type { Problem } from '@lz/shared/problems';

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 421 | 422 | 429 | 503;

export class AppError extends Error {
  constructor(
    readonly status: ErrorStatus,
    readonly code: string,
    message: string,
    readonly details?: Problem[],
    /** Seconds for a Retry-After header (503 busy): when it is worth trying again. */
    readonly retryAfter?: number,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const badRequest = (message: string, code = 'bad_request', details?: Problem[]) =>
  new AppError(400, code, message, details);
export const unauthorized = (message = '请先登录') => new AppError(401, 'unauthorized', message);
export const forbidden = (message = '无权执行此操作') => new AppError(403, 'forbidden', message);
export const notFound = (message = '未找到') => new AppError(404, 'not_found', message);
export const conflict = (message: string, code = 'conflict') => new AppError(409, code, message);
export const tooLarge = (message: string) => new AppError(413, 'too_large', message);
export const serviceBusy = (message: string, retryAfter: number) =>
  new AppError(503, 'busy', message, undefined, retryAfter);
export const unprocessable = (message: string, details: Problem[]) =>
  new AppError(422, 'rules_broken', message, details);

/** A file of garbage can yield thousands of problems; the first hundred are enough to see what went wrong. */
const MAX_PROBLEMS = 100;

/** 422 listing at most the first hundred problems; `summary` gets the count and a note when some were left out. */
export function tooManyProblems(problems: Problem[], summary: (count: string) => string): AppError {
  const more = problems.length > MAX_PROBLEMS ? `（仅列出前 ${MAX_PROBLEMS} 处）` : '';
  return unprocessable(summary(`${problems.length} 处问题${more}`), problems.slice(0, MAX_PROBLEMS));
}

/**
 * 422 of a refused roster (实名制 #15): its details are `{ row, column, rule, message }` (rosterProblemSchema),
 * located by sheet row and column rather than by county and indicator; `onError` sends details as they are.
 */
export function rosterRefusal(message: string, problems: RosterProblem[]): AppError {
  return new AppError(422, 'roster_refused', message, problems as unknown as Problem[]);
}
