/** Backup while another process writes steadily, and a restore that refuses while the database is open. */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupDatabase, checkIntegrity, DatabaseInUseError, restoreDatabase } from '../src/db/backup';
import { buildDeps } from '../src/build-deps';
import { fixedClock } from '../src/deps';
import { closeDatabase } from '../src/db/open-database';
import { testEngine } from './test-db';

const serverDir = join(__dirname, '..');

/** A second process that writes a row every 20 ms (50 writes/s) until killed, printing "ready" once it writes. */
function startWriter(dbPath: string) {
  const code = `
    const Database = require('better-sqlite3');
    const db = new Database(${JSON.stringify(dbPath)});
    db.pragma('busy_timeout = 5000');
    db.exec('CREATE TABLE IF NOT EXISTS scratch (at INTEGER NOT NULL, pad TEXT NOT NULL)');
    const insert = db.prepare('INSERT INTO scratch (at, pad) VALUES (?, ?)');
    let n = 0;
    setInterval(() => { insert.run(Date.now(), 'x'.repeat(2000)); if (++n === 5) console.log('ready'); }, 20);
  `;
  const child = spawn(process.execPath, ['-e', code], { cwd: serverDir, stdio: ['ignore', 'pipe', 'inherit'] });
  const ready = new Promise<void>((resolve) =>
    child.stdout.on('data', (d: Buffer) => d.toString().includes('ready') && resolve()),
  );
  return { child, ready };
}

// SQLite only: VACUUM INTO backup and the restore lock are about the embedded file (PostgreSQL: pg_dump).
describe.skipIf(testEngine === 'postgres')('pnpm backup under steady writes', () => {
  it('finishes in bounded time while another process writes 50 rows a second, and the copy is sound', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lz-backup-load-'));
    const dbPath = join(dir, 'live.sqlite');
    const deps = await buildDeps({ dbPath, clock: fixedClock('2020-12-20T10:00:00+08:00') });
    await closeDatabase(deps.db);
    const writer = startWriter(dbPath);
    try {
      await writer.ready;
      // Give the writer a head start so the file is busy when the snapshot begins.
      await new Promise((r) => setTimeout(r, 300));
      const target = join(dir, 'backup.sqlite');
      const t0 = performance.now();
      backupDatabase(dbPath, target);
      expect(performance.now() - t0).toBeLessThan(10_000);
      expect(checkIntegrity(target)).toBe('ok');
    } finally {
      writer.child.kill('SIGKILL');
    }
  }, 30_000);
});

// SQLite only: VACUUM INTO backup and the restore lock are about the embedded file (PostgreSQL: pg_dump).
describe.skipIf(testEngine === 'postgres')('pnpm restore while the database is open', () => {
  it('refuses while a connection in this process holds it, and leaves the file untouched', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lz-restore-open-'));
    const dbPath = join(dir, 'live.sqlite');
    const backupPath = join(dir, 'backup.sqlite');
    const deps = await buildDeps({ dbPath, clock: fixedClock('2020-12-20T10:00:00+08:00') });
    backupDatabase(dbPath, backupPath);
    const before = readFileSync(dbPath);
    expect(() => restoreDatabase(backupPath, dbPath)).toThrow(DatabaseInUseError);
    expect(readFileSync(dbPath).equals(before)).toBe(true);
    expect(existsSync(`${dbPath}-wal`)).toBe(true); // the server's WAL is still there, not deleted under it
    await closeDatabase(deps.db);
    expect(restoreDatabase(backupPath, dbPath).keptAs).toMatch(/before-restore-/);
  });

  it('refuses while another process (a running server) has it ' +
    'open, with a message saying to stop the server', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lz-restore-proc-'));
    const dbPath = join(dir, 'live.sqlite');
    const backupPath = join(dir, 'backup.sqlite');
    const deps = await buildDeps({ dbPath, clock: fixedClock('2020-12-20T10:00:00+08:00') });
    backupDatabase(dbPath, backupPath);
    await closeDatabase(deps.db);
    const writer = startWriter(dbPath);
    try {
      await writer.ready;
      expect(() => restoreDatabase(backupPath, dbPath)).toThrow(/停止服务器/);
    } finally {
      writer.child.kill('SIGKILL');
      await new Promise((r) => writer.child.once('exit', r));
    }
    // Once the process is gone (even killed mid-write) the restore goes ahead.
    expect(restoreDatabase(backupPath, dbPath).keptAs).toMatch(/before-restore-/);
    expect(checkIntegrity(dbPath)).toBe('ok');
  }, 30_000);
});
