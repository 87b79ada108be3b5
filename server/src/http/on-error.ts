/** The one error path: typed errors become `{ error: { code, message, details } }`; nothing else leaks. */
import type { ErrorHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { AppError } from '../errors';
import type { AppEnv } from './app-env';

/**
 * A refused body is left unread on the socket, so the connection cannot carry another request: say so
 * (Connection: close) instead of promising keep-alive and dropping the client's next request.
 */
const CLOSE = { connection: 'close' };

export const onError: ErrorHandler<AppEnv> = (err, c) => {
  if (err instanceof AppError) {
    if (err.retryAfter !== undefined) c.header('Retry-After', String(err.retryAfter));
    const body = { error: { code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) } };
    return c.json(body, err.status, err.status === 413 ? CLOSE : undefined);
  }
  if (err instanceof HTTPException) {
    const status = err.status as ContentfulStatusCode;
    const code = status === 413 ? 'too_large' : 'http_error';
    const message = status === 413 ? '请求内容过大' : '请求无法处理';
    return c.json({ error: { code, message } }, status, status === 413 ? CLOSE : undefined);
  }
  // Unexpected: log the kind and place, never the request body (it may hold personal data).
  console.error(
    `[error] ${c.req.method} ${c.req.path}: ${err instanceof Error ? `${err.name}: ${err.message}` : 'unknown'}`,
  );
  return c.json({ error: { code: 'internal', message: '服务器内部错误，请稍后重试' } }, 500);
};
