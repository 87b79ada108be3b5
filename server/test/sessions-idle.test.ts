/**
 * Finding 15 (part): sessions end after 30 idle minutes beside the absolute 8 hours; last-seen is written at most once
 * a minute.
 */
import { describe, expect, it } from 'vitest';
import { makeTestApp } from './test-app';
import { value } from './sql';

const MIN = 60_000;

describe('idle timeout', () => {
  it('a session idle for 29:59 is still valid; one idle for 30:01 is refused and deleted', async () => {
    const t = await makeTestApp('2020-09-05T10:00:00+08:00');
    const rsj = await t.login('rsj');
    t.clock.set('2020-09-05T10:29:59+08:00');
    expect((await rsj.get('/api/session')).status).toBe(200);
    const gxj = await t.login('gxj');
    const sessions = async () => (await value(t.deps.db, 'SELECT COUNT(*) FROM sessions')) as number;
    expect(await sessions()).toBe(2);
    t.clock.advance(30 * MIN + 1000); // rsj seen at 10:29:59, gxj signed in then: both idle 30:01
    expect((await rsj.get('/api/session')).status).toBe(401);
    expect((await gxj.get('/api/session/current')).status).toBe(204);
    expect(await sessions()).toBe(0);
  });

  it('activity keeps a session alive up to the absolute limit (8 hours)', async () => {
    const t = await makeTestApp('2020-09-05T10:00:00+08:00');
    const rsj = await t.login('rsj');
    for (let minutes = 20; minutes < 8 * 60; minutes += 20) {
      t.clock.set(new Date(Date.parse('2020-09-05T10:00:00+08:00') + minutes * MIN).toISOString());
      expect((await rsj.get('/api/session')).status, `${minutes} min`).toBe(200);
    }
    t.clock.set('2020-09-05T18:00:01+08:00');
    expect((await rsj.get('/api/session')).status).toBe(401);
  });

  it('last-seen is written at most once a minute per session', async () => {
    const t = await makeTestApp('2020-09-05T10:00:00+08:00');
    const rsj = await t.login('rsj');
    const lastSeen = async () => (await value(t.deps.db, 'SELECT last_seen_ms FROM sessions')) as number;
    const start = await lastSeen();
    expect(start).toBe(Date.parse('2020-09-05T10:00:00+08:00'));
    for (const s of [10, 30, 59]) {
      t.clock.set(new Date(start + s * 1000).toISOString());
      expect((await rsj.get('/api/progress')).status).toBe(200);
      expect(await lastSeen(), `${s} s`).toBe(start);
    }
    t.clock.set(new Date(start + 61_000).toISOString());
    await rsj.get('/api/progress');
    expect(await lastSeen()).toBe(start + 61_000);
  });

  it('SESSION_IDLE_MINUTES sets the limit', async () => {
    const t = await makeTestApp('2020-09-05T10:00:00+08:00', { sessionIdleMinutes: 5 });
    const rsj = await t.login('rsj');
    t.clock.advance(5 * MIN - 1000);
    expect((await rsj.get('/api/session')).status).toBe(200);
    t.clock.advance(5 * MIN + 1000);
    expect((await rsj.get('/api/session')).status).toBe(401);
  });
});
