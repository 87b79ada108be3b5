/**
 * Checks every request passes before routing: a path that decodes, a Host this installation answers to,
 * and no caching of API answers (they carry one user's data).
 */
import type { MiddlewareHandler } from 'hono';
import { AppError, badRequest } from '../errors';
import type { AppEnv } from './app-env';

/**
 * `/%E0%A4%A` cannot be decoded; without this check the web fallback threw a URIError per request (a 500
 * and a log line each, which is a way to flood the log).
 */
export function rejectMalformedPath(): MiddlewareHandler<AppEnv> {
  return async function rejectMalformedPathHandler(c, next) {
    try {
      decodeURIComponent(new URL(c.req.url).pathname);
    } catch {
      throw badRequest('请求路径编码无效', 'malformed_path');
    }
    await next();
  };
}

/** The host part (`name:port`) of each allowed origin. */
export const hostsOf = (origins: readonly string[]) => new Set(origins.map((o) => new URL(o).host));

/**
 * A request naming a host we do not serve is refused (421). Against DNS rebinding: a page on evil.example
 * whose name is re-pointed at 127.0.0.1 reaches this server with `Host: evil.example`, and is sent away.
 */
export function checkHost(config: { allowedOrigins: readonly string[] }): MiddlewareHandler<AppEnv> {
  return async function checkHostHandler(c, next) {
    // Read per request: main.ts learns its loopback origins only once the port is bound.
    const allowed = hostsOf(config.allowedOrigins);
    const host = (c.req.header('host') ?? new URL(c.req.url).host).toLowerCase();
    if (!allowed.has(host))
      throw new AppError(421, 'misdirected_request', '请求的主机名不属于本系统，请使用管理员公布的地址访问');
    await next();
  };
}

/** API answers are one user's data at one moment: never kept by a browser or a proxy unless a route says so. */
export function noStoreApi(): MiddlewareHandler<AppEnv> {
  return async function noStoreApiHandler(c, next) {
    await next();
    if (!c.res.headers.has('cache-control')) c.res.headers.set('cache-control', 'no-store');
  };
}
