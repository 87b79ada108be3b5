/** Builds the whole app from its dependencies; `main.ts` serves it, tests call `app.request()`. */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Deps } from './deps';
import type { AppEnv } from './http/app-env';
import { onError } from './http/on-error';
import { idempotency } from './http/idempotency';
import { checkHost, noStoreApi, rejectMalformedPath } from './http/request-hygiene';
import { rejectCrossSite, securityHeaders } from './http/security';
import { sessionMiddleware } from './http/session-middleware';
import { serveWeb } from './http/serve-web';
import { tooLarge, notFound } from './errors';
import { MAX_HISTORY_BYTES } from './import/history-file';
import { MAX_UPLOAD_BYTES } from './import/parse-report-file';
import { auditRoutes } from './routes/audit';
import { docsRoutes } from './routes/docs';
import { findingRoutes } from './routes/findings';
import { progressRoutes } from './routes/progress';
import { referenceRoutes } from './routes/reference';
import { reportRoutes } from './routes/reports';
import { sessionRoutes } from './routes/session';
import { userRoutes } from './routes/users';

const JSON_LIMIT = 1024 * 1024;

export function createApp(deps: Deps) {
  const app = new Hono<AppEnv>();
  app.onError(onError);
  app.use('*', securityHeaders());
  app.use('*', rejectMalformedPath());
  app.use('*', checkHost(deps.config));
  app.use('/api/*', noStoreApi());
  app.use('/api/*', async function limitBody(c, next) {
    // Reading the body of a GET would make the Node adapter build a full Request for nothing.
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const maxSize =
      c.req.path === '/api/reports/import'
        ? MAX_HISTORY_BYTES + 64 * 1024
        : c.req.path.endsWith('/file')
          ? MAX_UPLOAD_BYTES + 64 * 1024
          : JSON_LIMIT;
    return bodyLimit({
      maxSize,
      onError: () => {
        throw tooLarge(`请求内容超过 ${Math.round(maxSize / 1024 / 1024)} MB 上限`);
      },
    })(c, next);
  });
  app.use('/api/*', sessionMiddleware(deps));
  app.use('/api/*', rejectCrossSite(deps.config));
  app.use('/api/*', idempotency());
  app.route('/api', referenceRoutes());
  app.route('/api', docsRoutes());
  app.route('/api/session', sessionRoutes());
  app.route('/api/users', userRoutes());
  app.route('/api/audit', auditRoutes());
  app.route('/api/reports', reportRoutes());
  app.route('/api', progressRoutes());
  app.route('/api/findings', findingRoutes());
  app.all('/api/*', () => {
    throw notFound('接口不存在');
  });
  if (deps.config.webDist) app.route('/', serveWeb(deps.config.webDist));
  return app;
}
