/**
 * Backup and restore of the SQLite file.
 *
 * Backup is one `VACUUM INTO` from a read transaction: a consistent snapshot written in a single step, so it
 * finishes in bounded time however busy the server is. (SQLite's online backup API restarts its copy whenever
 * another connection writes a page; at five writes a second it never finished.)
 *
 * Restore must not run while a server has the file open: the server's next write would land in the file being
 * replaced, and its 201 would be a lie. An open connection in WAL mode holds a lock on the shared-memory index,
 * so asking for an exclusive lock with no wait tells whether any process still has the database open.
 */
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';

export class DatabaseInUseError extends Error {
  constructor(path: string) {
    super(
      `数据库 ${path} 正被其他进程使用（服务器仍在运行？）。请先停止服务器（Ctrl-C 或 systemctl stop），再执行恢复。` +
        ` / The database is open in another process: stop the server first, then restore.`,
    );
    this.name = 'DatabaseInUseError';
  }
}

export function backupDatabase(sourcePath: string, targetPath: string): { bytes: number } {
  mkdirSync(dirname(targetPath), { recursive: true });
  if (existsSync(targetPath)) throw new Error(`backup target ${targetPath} already exists`);
  const source = new Database(sourcePath, { readonly: true, fileMustExist: true });
  try {
    source.pragma('busy_timeout = 5000');
    source.prepare('VACUUM INTO ?').run(targetPath);
  } finally {
    source.close();
  }
  const copy = new Database(targetPath, { readonly: true, fileMustExist: true });
  try {
    const pages = Number(copy.pragma('page_count', { simple: true }));
    const size = Number(copy.pragma('page_size', { simple: true }));
    return { bytes: pages * size };
  } finally {
    copy.close();
  }
}

export function checkIntegrity(path: string): string {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return String(db.pragma('integrity_check', { simple: true }));
  } finally {
    db.close();
  }
}

/** Throws `DatabaseInUseError` when any other connection, in any process, has `path` open. */
export function assertNotInUse(path: string): void {
  if (!existsSync(path)) return;
  const db = new Database(path, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 0');
    db.pragma('locking_mode = EXCLUSIVE');
    try {
      db.exec('BEGIN EXCLUSIVE');
      db.exec('COMMIT');
    } catch {
      throw new DatabaseInUseError(path);
    }
    // Fold the WAL into the file while nobody else can write, so the kept copy is complete on its own.
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
}

/** Replaces `dbPath` with `backupPath` (server stopped). Returns where the previous file was kept. */
export function restoreDatabase(backupPath: string, dbPath: string, now = new Date()): { keptAs: string | null } {
  const check = checkIntegrity(backupPath);
  if (check !== 'ok') throw new Error(`backup failed integrity check: ${check}`);
  assertNotInUse(dbPath);
  let keptAs: string | null = null;
  if (existsSync(dbPath)) {
    keptAs = `${dbPath}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
    renameSync(dbPath, keptAs);
  }
  for (const suffix of ['-wal', '-shm']) rmSync(dbPath + suffix, { force: true });
  mkdirSync(dirname(dbPath), { recursive: true });
  copyFileSync(backupPath, dbPath);
  return { keptAs };
}
