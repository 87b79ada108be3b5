/**
 * The body limit of the route a request is for, applied before anything reads the body (the idempotency
 * check does): each route declares its `bodyLimit`, and this middleware looks up the route Hono matched.
 *
 * @example
 * app.use('/api/*', routeBodyLimit(routes));
 */
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { matchedRoutes } from 'hono/route';
import { tooLarge } from '../errors';
import type { AppEnv } from './app-env';
import { DEFAULT_BODY_LIMIT, type DeclaredRoute } from './define-routes';

export function routeBodyLimit(routes: readonly DeclaredRoute[]): MiddlewareHandler<AppEnv> {
  const limits = new Map(routes.map((r) => [`${r.method} ${r.path}`, r.bodyLimit]));
  return async function routeBodyLimitHandler(c, next) {
    // Reading the body of a GET would make the Node adapter build a full Request for nothing.
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const route = matchedRoutes(c).find((r) => limits.has(`${r.method} ${r.path}`));
    const maxSize = (route && limits.get(`${route.method} ${route.path}`)) ?? DEFAULT_BODY_LIMIT;
    return bodyLimit({
      maxSize,
      onError: () => {
        throw tooLarge(`请求内容超过 ${Math.round(maxSize / 1024 / 1024)} MB 上限`);
      },
    })(c, next);
  };
}
