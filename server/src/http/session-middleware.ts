import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Deps } from '../deps';
import { userForToken } from '../services/auth/sessions';
import type { AppEnv } from './app-env';

export const SESSION_COOKIE = 'lz_session';

/**
 * Behind a reverse proxy the address is the right-most X-Forwarded-For entry: the one our proxy added.
 * Everything left of it was sent by the client and could be forged to dodge the per-address limits.
 */
function forwardedFor(header: string | undefined): string | null {
  const last = header?.split(',').at(-1)?.trim();
  return last ? last : null;
}

/** The client's address: the socket's, or behind a trusted proxy (TRUST_PROXY) its forwarded one. */
export function clientAddress(c: Context, trustProxy: boolean): string | null {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  const socket = incoming?.socket?.remoteAddress ?? null;
  return trustProxy ? (forwardedFor(c.req.header('x-forwarded-for')) ?? socket) : socket;
}

/** Puts deps, the signed-in user (or null) and the client address on the context. */
export function sessionMiddleware(deps: Deps): MiddlewareHandler<AppEnv> {
  return async function session(c, next) {
    c.set('deps', deps);
    const token = getCookie(c, SESSION_COOKIE) ?? null;
    const found = token ? await userForToken(deps, token) : null;
    c.set('user', found?.user ?? null);
    c.set('token', found ? token : null);
    c.set('ip', clientAddress(c, deps.config.trustProxy));
    await next();
  };
}
