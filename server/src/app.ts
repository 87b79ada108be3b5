/** Builds the whole app from its dependencies; `main.ts` serves it, tests call `app.request()`. */
import { Hono } from 'hono';
import type { Deps } from './deps';
import { mountDisclosure } from './disclosure/wiring/mount-disclosure';
import { notFound } from './errors';
import type { AppEnv } from './http/app-env';
import type { DeclaredRoute, RouteGroup } from './http/define-routes';
import { idempotency } from './http/idempotency';
import { onError } from './http/on-error';
import { checkHost, noStoreApi, rejectMalformedPath } from './http/request-hygiene';
import { routeBodyLimit } from './http/route-body-limit';
import { rejectCrossSite, securityHeaders } from './http/security';
import { serveWeb } from './http/serve-web';
import { sessionMiddleware } from './http/session-middleware';
import { auditRoutes } from './routes/audit';
import { disclosureRoutes } from './routes/disclosure';
import { docsRoutes } from './routes/docs';
import { findingRoutes } from './routes/findings';
import { progressRoutes } from './routes/progress';
import { realnameRoutes } from './routes/realname';
import { referenceRoutes } from './routes/reference';
import { reminderRoutes } from './routes/reminders';
import { reportRoutes } from './routes/reports';
import { sessionRoutes } from './routes/session';
import { userRoutes } from './routes/users';

/** The app, with the routes it serves as they were declared (for its OpenAPI document and the route tests). */
export type App = Hono<AppEnv> & { readonly declaredRoutes: readonly DeclaredRoute[] };

export function createApp(deps: Deps): App {
  const routes: DeclaredRoute[] = [];
  const disclosure = mountDisclosure(deps);
  const groups: RouteGroup[] = [
    referenceRoutes(),
    docsRoutes(routes),
    sessionRoutes(),
    userRoutes(),
    auditRoutes(),
    reportRoutes(),
    progressRoutes(),
    findingRoutes(),
    reminderRoutes(),
    disclosureRoutes(disclosure.classes),
    ...realnameRoutes(),
  ];
  for (const g of groups) routes.push(...g.routes);

  const app = new Hono<AppEnv>();
  app.onError(onError);
  app.use('*', securityHeaders());
  app.use('*', rejectMalformedPath());
  app.use('*', checkHost(deps.config));
  // The public site (/gongkai/, /api/public/*) answers before the session, no-store and cross-site checks of
  // /api/*: it reads no session and sets no cookie, and its answers are cacheable.
  app.route('/', disclosure.site);
  app.use('/api/*', noStoreApi());
  app.use('/api/*', routeBodyLimit(routes));
  app.use('/api/*', sessionMiddleware(deps));
  app.use('/api/*', rejectCrossSite(deps.config));
  app.use('/api/*', idempotency());
  for (const g of groups) app.route(g.base, g.app);
  app.all('/api/*', () => {
    throw notFound('接口不存在');
  });
  if (deps.config.webDist) app.route('/', serveWeb(deps.config.webDist));
  return Object.assign(app, { declaredRoutes: routes as readonly DeclaredRoute[] });
}
