/**
 * Idempotency-Key on writes (the IETF httpapi draft's header): a client that lost the answer to a
 * submission, upload or import can send it again with the same key and gets the first answer back, with
 * nothing stored twice. The key is scoped to the signed-in user; the same key with another method, path or
 * body is refused (422), and a retry while the first request still runs answers 409.
 */
import { createHash } from 'node:crypto';
import type { HonoRequest, MiddlewareHandler } from 'hono';
import { claimKey, recordAnswer, releaseKey } from '../db/idempotency-store';
import { AppError, badRequest } from '../errors';
import type { AppEnv } from './app-env';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
/** How long an answer is kept for retries, and after which an unfinished claim is given up. */
const KEEP_MS = 24 * 3600 * 1000;
const VALID_KEY = /^[\x21-\x7e]{8,128}$/u;
const unsafe = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * What makes two requests "the same": method, path and body. A multipart body is taken by its fields, not
 * its bytes, because every retry of an upload gets a fresh random boundary. Hono keeps the body it read,
 * so the handler's own parsing reads it again for free.
 */
async function fingerprintOf(req: HonoRequest): Promise<string> {
  const hash = createHash('sha256').update(`${req.method} ${req.path}\n`);
  if ((req.header('content-type') ?? '').toLowerCase().startsWith('multipart/form-data')) {
    const form = await req.formData();
    const fields = [...form.entries()].sort(([a], [b]) => a.localeCompare(b));
    for (const [name, value] of fields) {
      hash.update(`${name}\0`);
      if (typeof value === 'string') hash.update(`s${value}\0`);
      else hash.update(`f${value.name}\0`).update(new Uint8Array(await value.arrayBuffer()));
    }
  } else hash.update(new Uint8Array(await req.arrayBuffer()));
  return hash.digest('hex');
}

export function idempotency(): MiddlewareHandler<AppEnv> {
  return async function idempotencyHandler(c, next) {
    const key = c.req.header(IDEMPOTENCY_HEADER);
    const user = c.get('user');
    if (key === undefined || !unsafe.has(c.req.method) || !user) return next();
    if (!VALID_KEY.test(key))
      throw badRequest('Idempotency-Key 应为 8–128 个可见 ASCII 字符', 'invalid_idempotency_key');
    const { db, clock } = c.get('deps');
    const fingerprint = await fingerprintOf(c.req);
    const nowMs = clock.now().getTime();
    const claim = await claimKey(db, { userId: user.id, key, fingerprint, nowMs, expireBeforeMs: nowMs - KEEP_MS });
    if (!claim.claimed) {
      const { row } = claim;
      if (row.fingerprint !== fingerprint) {
        throw new AppError(
          422,
          'idempotency_key_reused',
          '同一 Idempotency-Key 已用于另一请求，请为新的操作使用新的 Key',
        );
      }
      if (row.status === null)
        throw new AppError(409, 'idempotency_in_progress', '同一请求正在处理中，请稍后再查看结果');
      return c.body(row.body ?? '', row.status as 200, {
        'content-type': row.content_type ?? 'application/json',
        'idempotent-replayed': 'true',
      });
    }
    try {
      await next();
    } catch (err) {
      // Errors thrown past this point are turned into answers by onError after us; keep none of them, so
      // the retry runs again (a refused request changed nothing, so running it again is safe).
      await releaseKey(db, user.id, key);
      throw err;
    }
    const res = c.res;
    if (res.status >= 500 || c.error) {
      await releaseKey(db, user.id, key);
      return;
    }
    await recordAnswer(db, {
      userId: user.id,
      key,
      status: res.status,
      contentType: res.headers.get('content-type'),
      body: await res.clone().text(),
    });
  };
}
