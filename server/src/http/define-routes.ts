/**
 * Routes are declared once: path, access rule, input schemas, body limit and response schema side by side.
 * The declaration checks access, reads and validates the input (JSON body, query, path parameters, upload)
 * and hands the handler typed values; the group keeps its declarations for the app that mounts it (the
 * OpenAPI document, the body limits and the route tests read them from there).
 *
 * @example
 * const r = defineRoutes('/api/findings');
 * r.post('/', { summary: '记录问题', access: allow('inspector'), body: createFindingSchema }, (c, { body }) =>
 *   c.json(createFinding(c.get('deps'), body, userOf(c), c.get('ip')), 201),
 * );
 */
import { Hono, type Context, type Handler, type MiddlewareHandler } from 'hono';
import type { ParamKeys } from 'hono/types';
import type { ZodType, z } from 'zod';
import { READER_ROLES } from '@lz/shared/access-policy';
import type { Role, SessionUser } from '@lz/shared/api/session';
import { forbidden, unauthorized } from '../errors';
import type { AppEnv } from './app-env';
import { type FileField, readJson, readParams, readQuery, readUpload } from './parse-input';

export type Access = { kind: 'public' } | { kind: 'roles'; roles: readonly Role[] };
export const PUBLIC: Access = { kind: 'public' };
export const ANY_USER: Access = { kind: 'roles', roles: READER_ROLES };
export const allow = (...roles: Role[]): Access => ({ kind: 'roles', roles });

/** What a JSON body may weigh unless the route says otherwise. */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Schema = ZodType | undefined;
type Upload = FileField | undefined;

export interface RouteSpec<B extends Schema, Q extends Schema, P extends Schema, F extends Upload> {
  summary: string;
  access: Access;
  /** JSON body (application/json only). */
  body?: B;
  query?: Q;
  /** Path parameters; without a schema the handler gets them as strings. */
  params?: P;
  /** A multipart upload: the file's field name and its optional text fields. */
  file?: F;
  /** Largest request body in bytes; `DEFAULT_BODY_LIMIT` when absent. */
  bodyLimit?: number;
  response?: ZodType;
  /** Content type when not JSON (e.g. the .xlsx template). */
  produces?: string;
}

type Parsed<S, Else> = S extends ZodType ? z.infer<S> : Else;

/** The validated input a handler gets, typed from its declaration. */
export interface RouteInput<Path extends string, B, Q, P, F> {
  body: Parsed<B, undefined>;
  query: Parsed<Q, undefined>;
  params: Parsed<P, { [K in ParamKeys<Path>]: string }>;
  file: F extends FileField ? File : undefined;
  fields: F extends FileField<infer T> ? Partial<Record<T, string>> : undefined;
}

/** A route as the app and its OpenAPI document see it. */
export interface DeclaredRoute extends Omit<RouteSpec<Schema, Schema, Schema, Upload>, 'bodyLimit'> {
  method: Method;
  /** Full path with `:param` placeholders, e.g. `/api/reports/:department/:month`. */
  path: string;
  bodyLimit: number;
}

/** Routes of one resource, mounted at `base` by the app, with their declarations. */
export interface RouteGroup {
  base: string;
  app: Hono<AppEnv>;
  routes: readonly DeclaredRoute[];
}

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

async function readInput(c: Context<AppEnv>, spec: RouteSpec<Schema, Schema, Schema, Upload>) {
  const params = spec.params ? readParams(c, spec.params) : c.req.param();
  const query = spec.query ? readQuery(c, spec.query) : undefined;
  const body = spec.body ? await readJson(c, spec.body) : undefined;
  const upload = spec.file ? await readUpload(c, spec.file) : undefined;
  return { params, query, body, file: upload?.file, fields: upload?.fields };
}

export function defineRoutes(base: string) {
  const app = new Hono<AppEnv>();
  const routes: DeclaredRoute[] = [];
  const add =
    (method: Method) =>
    <
      Path extends string,
      B extends Schema = undefined,
      Q extends Schema = undefined,
      P extends Schema = undefined,
      const F extends Upload = undefined,
    >(
      path: Path,
      spec: RouteSpec<B, Q, P, F>,
      handler: (c: Context<AppEnv, Path>, input: RouteInput<Path, B, Q, P, F>) => Response | Promise<Response>,
    ) => {
      const full = `${base}${path === '/' ? '' : path}`;
      routes.push({ ...spec, method, path: full, bodyLimit: spec.bodyLimit ?? DEFAULT_BODY_LIMIT });
      const handle: Handler<AppEnv> = async function handle(c) {
        const input = (await readInput(c, spec)) as RouteInput<Path, B, Q, P, F>;
        return handler(c as Context<AppEnv, Path>, input);
      };
      app.on(method, path, requireAccess(spec.access), handle);
    };
  const group: RouteGroup = { base, app, routes };
  return { ...group, get: add('GET'), post: add('POST'), put: add('PUT'), patch: add('PATCH'), delete: add('DELETE') };
}

/** The signed-in user; routes behind a role rule always have one. */
export function userOf(c: Context<AppEnv>): SessionUser {
  const user = c.get('user');
  if (!user) throw unauthorized();
  return user;
}
