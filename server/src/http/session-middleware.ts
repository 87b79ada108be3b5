import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Deps } from '../deps';
import { userForToken } from '../services/auth/sessions';
import type { AppEnv } from './app-env';

export const SESSION_COOKIE = 'lz_session';

/** Puts deps, the signed-in user (or null) and the client address on the context. */
export function sessionMiddleware(deps: Deps): MiddlewareHandler<AppEnv> {
  return async function session(c, next) {
    c.set('deps', deps);
    const token = getCookie(c, SESSION_COOKIE) ?? null;
    const found = token ? userForToken(deps, token) : null;
    c.set('user', found?.user ?? null);
    c.set('token', found ? token : null);
    const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
    c.set('ip', incoming?.socket?.remoteAddress ?? null);
    await next();
  };
}
