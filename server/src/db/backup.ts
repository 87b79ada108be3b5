/**
 * Online backup with SQLite's backup API: consistent even while the server keeps writing, because
 * SQLite copies pages under its own locking and restarts the copy if a writer changes a page.
 * Restore puts a checked copy in place and keeps the file it replaces.
 */
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';

export async function backupDatabase(sourcePath: string, targetPath: string): Promise<{ pages: number }> {
  mkdirSync(dirname(targetPath), { recursive: true });
  const source = new Database(sourcePath, { readonly: true, fileMustExist: true });
  try {
    const result = await source.backup(targetPath);
    return { pages: result.totalPages };
  } finally {
    source.close();
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

/** Replaces `dbPath` with `backupPath` (server stopped). Returns where the previous file was kept. */
export function restoreDatabase(backupPath: string, dbPath: string, now = new Date()): { keptAs: string | null } {
  const check = checkIntegrity(backupPath);
  if (check !== 'ok') throw new Error(`backup failed integrity check: ${check}`);
  let keptAs: string | null = null;
  if (existsSync(dbPath)) {
    // Fold the WAL into the old file so the kept copy is complete on its own.
    const old = new Database(dbPath);
    old.pragma('wal_checkpoint(TRUNCATE)');
    old.close();
    keptAs = `${dbPath}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
    renameSync(dbPath, keptAs);
  }
  for (const suffix of ['-wal', '-shm']) rmSync(dbPath + suffix, { force: true });
  mkdirSync(dirname(dbPath), { recursive: true });
  copyFileSync(backupPath, dbPath);
  return { keptAs };
}
