import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupDatabase, restoreDatabase } from '../src/db/backup';
import { buildDeps } from '../src/build-deps';
import { fixedClock } from '../src/deps';
import { createUser, toSessionUser } from '../src/services/auth/users';
import { findUserByName } from '../src/db/user-store';
import { submitReport } from '../src/services/reports/submit-report';
import { getProgress } from '../src/services/progress/get-progress';
import { getBreakdown } from '../src/services/progress/get-breakdown';
import { body } from './test-app';
import { value } from './sql';
import { closeDatabase } from '../src/db/open-database';
import { testEngine } from './test-db';

// SQLite only: backup and restore of the embedded file (PostgreSQL uses pg_dump / point-in-time recovery).
describe.skipIf(testEngine === 'postgres')('backup while the server writes, then restore', () => {
  it('gives back exactly the figures at backup time and keeps the replaced file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lz-backup-'));
    const dbPath = join(dir, 'live.sqlite');
    const deps = await buildDeps({ dbPath, clock: fixedClock('2020-12-20T10:00:00+08:00') });
    await createUser(deps, { username: 'admin', password: 'Backup-test-1', role: 'admin' }, 'test');
    const admin = toSessionUser((await findUserByName(deps.db, 'admin'))!);
    const months = ['2019-08', '2019-09', '2019-10', '2019-11', '2019-12', '2020-01', '2020-02', '2020-03'];
    for (const [i, month] of months.slice(0, 4).entries())
      await submitReport(deps, {
        department: 'RSJ',
        month,
        rows: body(deps, i + 1).rows,
        actor: admin,
        source: 'form',
      });
    const snapshot = JSON.stringify([
      await getProgress(deps, '2020-12-20'),
      await getBreakdown(deps, { by: 'county', indicator: 'T', asOf: '2020-12-20' }),
    ]);

    // Writes keep arriving while the backup runs.
    const backupPath = join(dir, 'backup.sqlite');
    backupDatabase(dbPath, backupPath);
    for (const [i, month] of months.slice(4).entries())
      await submitReport(deps, {
        department: 'GXJ',
        month,
        rows: body(deps, i + 1).rows,
        actor: admin,
        source: 'form',
      });

    const after = JSON.stringify(await getProgress(deps, '2020-12-20'));
    await closeDatabase(deps.db);

    const restoredPath = join(dir, 'restored.sqlite');
    expect(restoreDatabase(backupPath, restoredPath).keptAs).toBeNull();
    const restored = await buildDeps({ dbPath: restoredPath, clock: fixedClock('2020-12-20T10:00:00+08:00') });
    const restoredFigures = JSON.stringify([
      await getProgress(restored, '2020-12-20'),
      await getBreakdown(restored, { by: 'county', indicator: 'T', asOf: '2020-12-20' }),
    ]);
    // The backup holds either the state at its start or one including later writes, never a torn one;
    // with the writes above it must at least hold everything written before it began.
    const versions = Number(await value(restored.db, 'SELECT COUNT(*) FROM report_versions'));
    expect([4, 8]).toContain(versions);
    if (versions === 4) expect(restoredFigures).toBe(snapshot);
    else expect(JSON.stringify(await getProgress(restored, '2020-12-20'))).toBe(after);
    await closeDatabase(restored.db);

    // Restoring over a live file keeps the old one.
    const kept = restoreDatabase(backupPath, dbPath);
    expect(kept.keptAs).toMatch(/live\.sqlite\.before-restore-/);
  });
});
