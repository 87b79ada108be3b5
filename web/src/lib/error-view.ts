import { ApiRequestError } from './api-client';

/** How a failed load is shown: a lost connection retries by itself, a refusal or a wrong address never will. */
export interface ErrorView {
  kind: 'offline' | 'forbidden' | 'not_found' | 'invalid' | 'server';
  /** Whether a 重试 button can help. */
  retry: boolean;
  message: string;
}

export function errorView(error: Error): ErrorView {
  if (!(error instanceof ApiRequestError)) return { kind: 'server', retry: true, message: error.message };
  if (error.status === 0) return { kind: 'offline', retry: true, message: '无法连接服务器，恢复连接后自动重试' };
  if (error.status === 401 || error.status === 403)
    return { kind: 'forbidden', retry: false, message: error.message || '没有权限' };
  if (error.status === 404) return { kind: 'not_found', retry: false, message: error.message };
  if (error.status >= 400 && error.status < 500) return { kind: 'invalid', retry: false, message: error.message };
  return { kind: 'server', retry: true, message: error.message };
}

/** The query client's retry rule: a lost connection keeps trying (backing off), a 4xx never, a 5xx twice. */
export function shouldRetry(count: number, error: Error): boolean {
  const view = errorView(error);
  if (view.kind === 'offline') return count < 10;
  return view.retry && count < 2;
}
