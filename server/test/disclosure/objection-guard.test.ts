import { describe, expect, test } from 'vitest';
import { workBits } from '../../src/disclosure/objections/challenge';
import { createObjectionGuard } from '../../src/disclosure/objections/objection-guard';

const secret = Buffer.from('a test key of thirty-two bytes!!');
const now = new Date('2020-09-03T02:00:00Z');
const later = (ms: number) => new Date(now.getTime() + ms);
const objection = { batchId: 'B1', name: '李四', contact: '0772-1234567', text: '该班实际未开课，请核实。' };

function solve(nonce: string, bits: number): string {
  for (let i = 0; ; i++) if (workBits(nonce, String(i)) >= bits) return String(i);
}
/** The arithmetic answer, found the way a person would: by reading the question. */
function answerOf(question: string): string {
  const n = '零一二三四五六七八九十';
  const m = /^(十|[一二三四五六七八九])(加|减)(十|[一二三四五六七八九])等于几？$/.exec(question);
  if (!m) throw new Error(`unexpected question ${question}`);
  const [x, y] = [n.indexOf(m[1]!), n.indexOf(m[3]!)];
  return String(m[2] === '加' ? x + y : x - y);
}

describe('objection guard', () => {
  const guard = () => createObjectionGuard({ secret, bits: 8, ttlMs: 30 * 60_000, limit: 3, windowMs: 3_600_000 });

  test('a solved proof of work lets the objection through, trimmed and without the challenge fields', () => {
    const g = guard();
    const c = g.challenge('B1', now);
    const result = g.check(
      { ...objection, text: '  该班实际未开课。 ', token: c.token, pow: solve(c.nonce, 8) },
      'a',
      now,
    );
    expect(result).toEqual({ ok: true, objection: { ...objection, text: '该班实际未开课。' } });
  });

  test('the arithmetic answer works without JavaScript, full-width digits too', () => {
    const g = guard();
    const c = g.challenge('B1', now);
    const wide = answerOf(c.question).replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    expect(g.check({ ...objection, token: c.token, answer: wide }, 'a', now).ok).toBe(true);
  });

  test('a used token is refused when replayed', () => {
    const g = guard();
    const c = g.challenge('B1', now);
    const request = { ...objection, token: c.token, pow: solve(c.nonce, 8) };
    expect(g.check(request, 'a', now).ok).toBe(true);
    expect(g.check(request, 'b', now)).toMatchObject({ ok: false, code: 'challenge_used', message: /已使用/ });
  });

  test('an expired token is refused', () => {
    const g = guard();
    const c = g.challenge('B1', now);
    const request = { ...objection, token: c.token, pow: solve(c.nonce, 8) };
    expect(g.check(request, 'a', later(30 * 60_000 + 1))).toMatchObject({ code: 'challenge_expired', status: 400 });
  });

  test('a wrong answer is refused and spends the token', () => {
    const g = guard();
    const c = g.challenge('B1', now);
    const wrong = String(Number(answerOf(c.question)) + 1);
    expect(g.check({ ...objection, token: c.token, answer: wrong }, 'a', now)).toMatchObject({
      code: 'challenge_wrong',
      message: '验证答案不正确，请刷新页面后重新作答',
    });
    const right = { ...objection, token: c.token, answer: answerOf(c.question) };
    expect(g.check(right, 'a', now)).toMatchObject({ code: 'challenge_used' });
  });

  test('too little work is refused', () => {
    const g = createObjectionGuard({ secret, bits: 20 });
    const c = g.challenge('B1', now);
    let weak = 0;
    while (workBits(c.nonce, String(weak)) >= 20) weak++;
    expect(g.check({ ...objection, token: c.token, pow: String(weak) }, 'a', now)).toMatchObject({
      code: 'challenge_wrong',
    });
  });

  test('a token of another key, a tampered token and one for another batch are refused', () => {
    const c = createObjectionGuard({ secret: Buffer.from('another key') }).challenge('B1', now);
    expect(guard().check({ ...objection, token: c.token, pow: '1' }, 'a', now)).toMatchObject({
      code: 'challenge_invalid',
    });
    const g = guard();
    const own = g.challenge('B1', now);
    const [payload, sig] = own.token.split('.');
    const body = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    const forged = `${Buffer.from(JSON.stringify({ ...body, d: 0 })).toString('base64url')}.${sig}`;
    expect(g.check({ ...objection, token: forged, pow: '1' }, 'a', now)).toMatchObject({ code: 'challenge_invalid' });
    const other = g.challenge('B2', now);
    const request = { ...objection, token: other.token, pow: solve(other.nonce, 8) };
    expect(g.check(request, 'a', now)).toMatchObject({ code: 'challenge_invalid' });
  });

  test('the honeypot refuses', () => {
    const g = guard();
    const c = g.challenge('B1', now);
    const request = { ...objection, token: c.token, pow: solve(c.nonce, 8), website: 'http://spam.example' };
    expect(g.check(request, 'a', now)).toMatchObject({ status: 400, code: 'rejected' });
  });

  test('lengths and required fields are checked, with Chinese messages', () => {
    const g = guard();
    const c = g.challenge('B1', now);
    const result = g.check({ ...objection, name: '', text: '好'.repeat(2001), token: c.token }, 'a', now);
    expect(result).toMatchObject({ ok: false, status: 422 });
    if (result.ok) return;
    expect(result.details).toEqual(
      expect.arrayContaining([
        { field: 'name', message: '请填写姓名' },
        { field: 'text', message: '异议内容不超过 2000 字' },
        { field: 'answer', message: '请回答验证问题' },
      ]),
    );
  });

  test('the fourth attempt from one address in an hour is refused in Chinese; others and later are not', () => {
    const g = guard();
    for (let i = 0; i < 3; i++) {
      const c = g.challenge('B1', now);
      expect(g.check({ ...objection, token: c.token, pow: solve(c.nonce, 8) }, '10.0.0.1', now).ok).toBe(true);
    }
    const c = g.challenge('B1', now);
    const request = { ...objection, token: c.token, pow: solve(c.nonce, 8) };
    expect(g.check(request, '10.0.0.1', later(60_000))).toEqual({
      ok: false,
      status: 429,
      code: 'rate_limited',
      message: '提交过于频繁，请 59 分钟后再试',
    });
    expect(g.check(request, '10.0.0.2', later(60_000)).ok).toBe(true);
    const d = g.challenge('B1', later(3_600_001));
    const fresh = { ...objection, token: d.token, pow: solve(d.nonce, 8) };
    expect(g.check(fresh, '10.0.0.1', later(3_600_001)).ok).toBe(true);
  });

  test('memory stays bounded under a flood of addresses', () => {
    const g = createObjectionGuard({ secret, bits: 8, limit: 1, capacity: 100 });
    for (let i = 0; i < 1000; i++) g.check({}, `addr-${i}`, now);
    // The oldest addresses were evicted: the first one may try again, the newest may not.
    expect(g.check({}, 'addr-0', now)).toMatchObject({ status: 422 });
    expect(g.check({}, 'addr-999', now)).toMatchObject({ status: 429 });
  });
});
