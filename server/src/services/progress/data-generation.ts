/**
 * A number that changes whenever report data may have changed, so derived figures can be cached safely:
 * writes in this process bump a counter; writes by other processes (a CLI import, a restore) change
 * SQLite's data_version.
 */
import type { Db } from '../../db/open-database';

let local = 0;

export function bumpGeneration(): void {
  local++;
}

export function dataGeneration(db: Db): string {
  return `${local}:${db.pragma('data_version', { simple: true }) as number}`;
}
