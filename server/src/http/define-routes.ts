/**
 * Routes are declared with their access rule beside the path, so a route without a rule cannot exist.
 * Each declaration is also recorded for the OpenAPI document and for the route × role test.
 *
 * @example
 * const r = defineRoutes('/api/units');
 * r.get('/', { summary: '县区列表', access: PUBLIC }, (c) => c.json(units));
 */
import { Hono, type Context, type Handler, type MiddlewareHandler } from 'hono';
import type { ZodType } from 'zod';
import type { Role, SessionUser } from '@lz/shared/api/session';
import { forbidden, unauthorized } from '../errors';
import type { AppEnv } from './app-env';

export type Access = { kind: 'public' } | { kind: 'roles'; roles: readonly Role[] };
export const PUBLIC: Access = { kind: 'public' };
export const ANY_USER: Access = { kind: 'roles', roles: ['admin', 'leader', 'reporter', 'inspector', 'county'] };
export const allow = (...roles: Role[]): Access => ({ kind: 'roles', roles });

export interface RouteDoc {
  summary: string;
  access: Access;
  body?: ZodType;
  query?: ZodType;
  response?: ZodType;
  /** multipart upload rather than JSON. */
  multipart?: boolean;
  /** Content type when not JSON (e.g. the .xlsx template). */
  produces?: string;
}

export interface DeclaredRoute extends RouteDoc {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
}

/** Every route of the app, in declaration order. */
export const declaredRoutes: DeclaredRoute[] = [];

function requireAccess(access: Access): MiddlewareHandler<AppEnv> {
  return async function requireAccessHandler(c, next) {
    if (access.kind === 'roles') {
      const user = c.get('user');
      if (!user) throw unauthorized();
      if (!access.roles.includes(user.role)) throw forbidden();
    }
    await next();
  };
}

export function defineRoutes(base: string) {
  const app = new Hono<AppEnv>();
  const add =
    (method: DeclaredRoute['method']) =>
    <P extends string>(path: P, doc: RouteDoc, handler: Handler<AppEnv, P>) => {
      const full = `${base}${path === '/' ? '' : path}`;
      if (!declaredRoutes.some((r) => r.method === method && r.path === full))
        declaredRoutes.push({ ...doc, method, path: full });
      app.on(method, path, requireAccess(doc.access), handler as Handler<AppEnv>);
    };
  return { app, get: add('GET'), post: add('POST'), put: add('PUT'), patch: add('PATCH'), delete: add('DELETE') };
}

/** The signed-in user; routes behind a role rule always have one. */
export function userOf(c: Context<AppEnv>): SessionUser {
  const user = c.get('user');
  if (!user) throw unauthorized();
  return user;
}
