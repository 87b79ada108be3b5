/**
 * Everything an objection passes before the office's queue sees it, without an external service: a
 * per-address limit, a honeypot, the payload's shape and lengths, and a signed challenge spent once.
 * Refusals carry a Chinese message for the person at the form; nothing of what was typed is logged.
 */
import { randomBytes } from 'node:crypto';
import { type Objection, objectionRequestSchema } from '@lz/shared/api/disclosure';
import { ExpiringMap } from './bounded-map';
import { checkSolution, type IssuedChallenge, issueChallenge, readToken } from './challenge';

export interface ObjectionGuardOptions {
  /** HMAC key of the challenge tokens; a random one per process when absent (tokens die with a restart). */
  secret?: Buffer;
  /** Proof-of-work difficulty in leading zero bits: 16 is about 65,000 hashes, a second or two in a phone. */
  bits?: number;
  /** How long a challenge may be answered: time to read a notice and write an objection. */
  ttlMs?: number;
  /** Attempts allowed per address in one window. */
  limit?: number;
  windowMs?: number;
  /** Addresses and spent tokens kept in memory at most. */
  capacity?: number;
}

export interface Refusal {
  ok: false;
  status: 400 | 422 | 429;
  code: string;
  message: string;
  details?: { field: string; message: string }[];
}

export type GuardResult = { ok: true; objection: Objection } | Refusal;

const refuse = (status: Refusal['status'], code: string, message: string): Refusal => ({
  ok: false,
  status,
  code,
  message,
});

export interface ObjectionGuard {
  challenge(batchId: string, now: Date): IssuedChallenge;
  check(request: unknown, address: string, now: Date): GuardResult;
}

export function createObjectionGuard(options: ObjectionGuardOptions = {}): ObjectionGuard {
  const secret = options.secret ?? randomBytes(32);
  const bits = options.bits ?? 16;
  const ttlMs = options.ttlMs ?? 60 * 60_000;
  const limit = options.limit ?? 5;
  const windowMs = options.windowMs ?? 60 * 60_000;
  const capacity = options.capacity ?? 10_000;
  // An address evicted early starts a fresh window: a flood of other addresses buys one more try.
  const attempts = new ExpiringMap<{ count: number; expiresAt: number }>(capacity);
  // A spent token evicted early could be spent again, but each try still counts against its address.
  const spent = new ExpiringMap<{ expiresAt: number }>(capacity);

  function countAttempt(address: string, now: number): Refusal | null {
    const entry = attempts.get(address, now) ?? { count: 0, expiresAt: now + windowMs };
    entry.count++;
    attempts.set(address, entry, now);
    if (entry.count <= limit) return null;
    const minutes = Math.max(1, Math.ceil((entry.expiresAt - now) / 60_000));
    return refuse(429, 'rate_limited', `提交过于频繁，请 ${minutes} 分钟后再试`);
  }

  return {
    challenge: (batchId, now) => issueChallenge(secret, batchId, now, { bits, ttlMs }),

    check(request, address, now) {
      const limited = countAttempt(address, now.getTime());
      if (limited) return limited;
      const honeypot = (request as { website?: unknown } | null)?.website;
      if (typeof honeypot === 'string' && honeypot.trim() !== '')
        return refuse(400, 'rejected', '提交未通过校验，请刷新页面后重试');
      const parsed = objectionRequestSchema.safeParse(request);
      if (!parsed.success) {
        const details = parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message }));
        return { ...refuse(422, 'invalid_objection', '请检查填写的内容'), details };
      }
      const { token, pow, answer, website: _honeypot, ...objection } = parsed.data;
      const body = readToken(secret, token);
      if (!body) return refuse(400, 'challenge_invalid', '验证信息无效，请刷新页面后重新提交');
      if (spent.get(body.n, now.getTime()))
        return refuse(400, 'challenge_used', '该验证已使用过，请刷新页面后重新提交');
      const refusal = checkSolution(secret, body, { batchId: objection.batchId, pow, answer }, now);
      if (refusal === 'invalid') return refuse(400, 'challenge_invalid', '验证信息无效，请刷新页面后重新提交');
      if (refusal === 'expired') return refuse(400, 'challenge_expired', '验证已过期，请刷新页面后重新填写');
      // Spent on the first try, right or wrong: one token, one guess at the arithmetic.
      spent.set(body.n, { expiresAt: body.e }, now.getTime());
      if (refusal === 'wrong') return refuse(400, 'challenge_wrong', '验证答案不正确，请刷新页面后重新作答');
      return { ok: true, objection };
    },
  };
}
