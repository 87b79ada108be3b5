/**
 * Global setup of the browser suite: one DEMO=1 server start seeds a demo database, which every test file's
 * server then starts from a copy of (harness.ts `startServer`). Seeding is the slow part of a start (tens of
 * seconds on a loaded machine); each file still gets a database of its own that no other file has touched.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { launchServer } from './harness';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The folder holding the seeded demo database and its key files. */
    seededDemo: string;
  }
}

export default async function seedOnce(project: TestProject): Promise<() => void> {
  const dir = mkdtempSync(join(tmpdir(), 'lz-browser-seeded-'));
  const server = await launchServer(dir, { removeOnStop: false });
  await server.stop(); // SIGTERM: the database is closed and whole before anyone copies it
  project.provide('seededDemo', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
