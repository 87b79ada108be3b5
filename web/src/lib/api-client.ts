/**
 * The one way the web talks to /api: JSON in, JSON out, failures thrown as `ApiRequestError`.
 * No UI side effects here; the query client decides what a 401 means for the screen.
 */
import type { ApiError } from '@lz/shared/api/errors';
import type { Problem } from '@lz/shared/problems';
import { newIdempotencyKey } from './idempotency-key';

export class ApiRequestError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: Problem[];

  constructor(status: number, code: string, message: string, details: Problem[] = []) {
    super(message);
    this.name = 'ApiRequestError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export type QueryParams = Record<string, string | number | boolean | null | undefined>;

/** `/api/x` plus the params that have a value, in a stable order so links and cache keys agree. */
export function apiUrl(path: string, params?: QueryParams): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params ?? {})) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const qs = search.toString();
  return `/api${path}${qs ? `?${qs}` : ''}`;
}

/** Turns a failed response body (maybe not JSON at all) into the typed error. */
export function toApiError(status: number, body: unknown): ApiRequestError {
  const err = (body as Partial<ApiError> | null)?.error;
  if (err && typeof err.message === 'string')
    return new ApiRequestError(status, err.code ?? 'error', err.message, err.details ?? []);
  const message =
    status === 401
      ? '请先登录'
      : status === 403
        ? '没有权限'
        : status >= 500
          ? '服务器错误，请稍后重试'
          : `请求失败 (${status})`;
  return new ApiRequestError(status, status === 401 ? 'unauthorized' : 'http_error', message);
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  params?: QueryParams;
  body?: unknown;
  signal?: AbortSignal;
}

/**
 * Fetches `/api{path}`; resolves the parsed JSON or throws `ApiRequestError`. A write carries one
 * Idempotency-Key for this call, so when the connection drops before the answer arrives it is sent once
 * more with the same key and the server returns the first answer rather than storing it twice.
 */
export async function apiFetch<T>(
  path: string,
  { method = 'GET', params, body, signal }: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers['idempotency-key'] = newIdempotencyKey();
  const send = () =>
    fetch(apiUrl(path, params), {
      method,
      signal,
      credentials: 'same-origin',
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  let response: Response;
  try {
    response = await send().catch((e: unknown) => {
      if (method === 'GET' || (e instanceof DOMException && e.name === 'AbortError')) throw e;
      return send();
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiRequestError(0, 'network', '无法连接服务器，请检查网络');
  }
  const text = await response.text();
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = null;
  }
  if (!response.ok) throw toApiError(response.status, parsed);
  return parsed as T;
}
