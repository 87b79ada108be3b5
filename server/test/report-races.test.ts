/**
 * An accept racing a resubmission of the same report ends in one consistent state, whichever wins: on SQLite
 * BEGIN IMMEDIATE lets one writer in at a time, on PostgreSQL both take the report's lock (`lockReport`).
 */
import { describe, expect, it } from 'vitest';
import { apiErrorSchema } from '@lz/shared/api/errors';
import { reportVersionSchema } from '@lz/shared/api/reports';
import { rows } from './sql';
import { body, makeTestApp } from './test-app';

describe('an accept racing a resubmission', () => {
  it('either the accept wins (resubmission refused as locked) or the new version does (accept stale)', async () => {
    for (let round = 0; round < 3; round++) {
      const t = await makeTestApp('2020-09-05T10:00:00+08:00');
      const [admin, rsj] = [await t.login('admin'), await t.login('rsj')];
      expect((await rsj.post('/api/reports/RSJ/2020-08', body(t.deps, 1))).status).toBe(201);
      const [accept, resubmit] = await Promise.all([
        admin.post('/api/reports/RSJ/2020-08/accept', { version: 1 }),
        rsj.post('/api/reports/RSJ/2020-08', body(t.deps, 2)),
      ]);
      const latest = reportVersionSchema.parse(await (await admin.get('/api/reports/RSJ/2020-08')).json());
      const events = await rows<{ action: string; version: number }>(
        t.deps.db,
        "SELECT action, version FROM report_events WHERE department = 'RSJ' AND month = '2020-08' ORDER BY id",
      );
      if (accept.status === 200) {
        expect(resubmit.status).toBe(409);
        expect(apiErrorSchema.parse(await resubmit.json()).error.code).toBe('month_locked');
        expect(latest).toMatchObject({ version: 1, status: 'accepted' });
        expect(events).toEqual([
          { action: 'submit', version: 1 },
          { action: 'accept', version: 1 },
        ]);
      } else {
        expect(accept.status).toBe(409);
        expect(resubmit.status).toBe(201);
        expect(latest).toMatchObject({ version: 2, status: 'submitted' });
        expect(events).toEqual([
          { action: 'submit', version: 1 },
          { action: 'submit', version: 2 },
        ]);
      }
    }
  }, 120_000);
});
