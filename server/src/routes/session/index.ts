import { deleteCookie, setCookie } from 'hono/cookie';
import { okSchema } from '@lz/shared/api/ok';
import { loginSchema, sessionSchema } from '@lz/shared/api/session';
import { ANY_USER, defineRoutes, PUBLIC, userOf } from '../../http/define-routes';
import { SESSION_COOKIE } from '../../http/session-middleware';
import { login, logout, userForToken } from '../../services/auth/sessions';
import { unauthorized } from '../../errors';

export function sessionRoutes() {
  const r = defineRoutes('/api/session');
  r.post('/', { summary: '登录', access: PUBLIC, body: loginSchema, response: sessionSchema }, async (c, { body }) => {
    const deps = c.get('deps');
    const { token, user, expiresAt } = await login(deps, body.username, body.password, c.get('ip'));
    const secure =
      deps.config.secureCookies || c.req.header('x-forwarded-proto') === 'https' || c.req.url.startsWith('https:');
    // Max-Age, not Expires: the lifetime is relative, so neither a browser's wrong clock nor the demo's own
    // clock (a day in 2021) makes the browser drop the cookie at once.
    const maxAge = Math.max(0, Math.floor((expiresAt.getTime() - deps.clock.now().getTime()) / 1000));
    setCookie(c, SESSION_COOKIE, token, { httpOnly: true, sameSite: 'Lax', secure, path: '/', maxAge });
    return c.json({ user, expiresAt: expiresAt.toISOString() });
  });
  r.get('/', { summary: '当前用户', access: ANY_USER, response: sessionSchema }, async (c) => {
    const token = c.get('token');
    const found = token ? await userForToken(c.get('deps'), token) : null;
    if (!found) throw unauthorized();
    return c.json({ user: found.user, expiresAt: found.expiresAt.toISOString() });
  });
  // The web app asks this on start: "nobody is signed in" is an ordinary answer there (204), not a failed
  // request the browser would log as an error on the login page. API clients may keep using GET / (401).
  r.get(
    '/current',
    { summary: '当前会话（未登录时 204，无正文）', access: PUBLIC, response: sessionSchema },
    async (c) => {
      const token = c.get('token');
      const found = token ? await userForToken(c.get('deps'), token) : null;
      if (!found) return c.body(null, 204);
      return c.json({ user: found.user, expiresAt: found.expiresAt.toISOString() });
    },
  );
  r.delete('/', { summary: '退出登录', access: ANY_USER, response: okSchema }, async (c) => {
    const token = c.get('token');
    if (token) await logout(c.get('deps'), token, userOf(c), c.get('ip'));
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.json({ ok: true });
  });
  return r;
}
