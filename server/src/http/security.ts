/** Security headers with a CSP the app's own pages satisfy, and cross-site request rejection. */
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { forbidden } from '../errors';
import type { AppEnv } from './app-env';

export const securityHeaders = () =>
  secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      // antd writes its CSS-in-JS into <style> tags at run time.
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      frameAncestors: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
    },
    referrerPolicy: 'same-origin',
    crossOriginEmbedderPolicy: false,
  });

const unsafe = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Cookie-authenticated writes must come from our own origin. Browsers send Origin on every cross-site
 * POST and Sec-Fetch-Site on modern ones; requests with neither are non-browser clients, which carry no
 * ambient cookie risk. The Origin must be one of ours exactly, scheme and port included: http://host is not
 * https://host, and host:8080 is not host.
 */
export function rejectCrossSite(config: { allowedOrigins: readonly string[] }): MiddlewareHandler<AppEnv> {
  return async function rejectCrossSiteHandler(c, next) {
    if (unsafe.has(c.req.method)) {
      const site = c.req.header('sec-fetch-site');
      if (site && site !== 'same-origin' && site !== 'none') throw forbidden('拒绝跨站请求');
      const origin = c.req.header('origin');
      if (origin !== undefined && !config.allowedOrigins.includes(origin.toLowerCase()))
        throw forbidden('拒绝跨站请求');
    }
    await next();
  };
}
