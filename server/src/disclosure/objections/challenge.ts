/**
 * A stateless challenge for the 异议 form: an HMAC-signed token that carries its own expiry, the batch it is
 * for, a proof-of-work target and, hidden behind a keyed hash, the answer to a small arithmetic question
 * for browsers without JavaScript. Nothing is stored until a token is spent (see spent-tokens.ts).
 */
import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

interface TokenBody {
  /** Random nonce: the proof of work's prefix and the key that marks the token spent. */
  n: string;
  /** The notice batch the token is for. */
  b: string;
  /** Expiry, epoch milliseconds. */
  e: number;
  /** Leading zero bits the proof of work needs. */
  d: number;
  /** Keyed hash of the arithmetic answer. */
  a: string;
}

export interface IssuedChallenge {
  token: string;
  nonce: string;
  bits: number;
  question: string;
  expiresAt: Date;
}

export type ChallengeRefusal = 'invalid' | 'expired' | 'wrong';

const digits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

const mac = (secret: Buffer, text: string) => createHmac('sha256', secret).update(text).digest('base64url');

const answerMac = (secret: Buffer, nonce: string, answer: string) =>
  mac(secret, `answer:${nonce}:${answer}`).slice(0, 22);

/** A question a person answers at a glance: 「七加五等于几？」, the answer between 0 and 20. */
function arithmetic(): { question: string; answer: number } {
  const x = randomInt(1, 11);
  const y = randomInt(1, 11);
  if (randomInt(2) === 0 || x < y) return { question: `${digits[x]}加${digits[y]}等于几？`, answer: x + y };
  return { question: `${digits[x]}减${digits[y]}等于几？`, answer: x - y };
}

export function issueChallenge(
  secret: Buffer,
  batchId: string,
  now: Date,
  options: { bits: number; ttlMs: number },
): IssuedChallenge {
  const nonce = randomBytes(16).toString('base64url');
  const { question, answer } = arithmetic();
  const body: TokenBody = {
    n: nonce,
    b: batchId,
    e: now.getTime() + options.ttlMs,
    d: options.bits,
    a: answerMac(secret, nonce, String(answer)),
  };
  const payload = Buffer.from(JSON.stringify(body)).toString('base64url');
  return {
    token: `${payload}.${mac(secret, payload)}`,
    nonce,
    bits: options.bits,
    question,
    expiresAt: new Date(body.e),
  };
}

/** The token's body when its signature holds (whatever its expiry), else null. */
export function readToken(secret: Buffer, token: string): TokenBody | null {
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) return null;
  const expected = Buffer.from(mac(secret, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const body = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as TokenBody;
    return typeof body.n === 'string' && typeof body.e === 'number' ? body : null;
  } catch {
    return null;
  }
}

/** Leading zero bits of SHA-256(`${nonce}:${counter}`). */
export function workBits(nonce: string, counter: string): number {
  const hash = createHash('sha256').update(`${nonce}:${counter}`).digest();
  let bits = 0;
  for (const byte of hash) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}

/** Full-width digits and a leading minus typed in Chinese input methods are the same answer. */
const normaliseAnswer = (answer: string) =>
  answer.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/^[－—]/, '-');

/** Checks a solved challenge: signature, batch, expiry, then the work or the answer. */
export function checkSolution(
  secret: Buffer,
  body: TokenBody,
  solution: { batchId: string; pow?: string | undefined; answer?: string | undefined },
  now: Date,
): ChallengeRefusal | null {
  if (body.b !== solution.batchId) return 'invalid';
  if (now.getTime() > body.e) return 'expired';
  if (solution.pow && /^\d{1,15}$/.test(solution.pow) && workBits(body.n, solution.pow) >= body.d) return null;
  if (solution.answer) {
    const expected = Buffer.from(body.a);
    const given = Buffer.from(answerMac(secret, body.n, normaliseAnswer(solution.answer)));
    if (expected.length === given.length && timingSafeEqual(expected, given)) return null;
  }
  return 'wrong';
}
