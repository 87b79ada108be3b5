/**
 * The PostgreSQL pass leaves out only test files that cannot reach PostgreSQL (scripts/test-engine-files.ts):
 * a file that opens a database, directly or through a helper, runs on both engines.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testFilesByEngineUse } from '../../scripts/test-engine-files';
import { repoRoot } from '../src/catalogue';

const { engine, engineFree } = testFilesByEngineUse();

describe('test files on the PostgreSQL pass', () => {
  it('repeats a file that imports test-db.ts directly and one that reaches it through test-app.ts', () => {
    expect(engine).toContain('server/test/realname/pii-at-rest.test.ts');
    expect(engine).toContain('server/test/reports.test.ts'); // through test-app.ts
    expect(engine).toContain('server/test/postgres-processes.test.ts');
  });

  it('leaves out pure files and ones that open only their own SQLite', () => {
    expect(engineFree).toContain('shared/test/deadline.test.ts');
    expect(engineFree).toContain('web/test/unit/format.test.ts');
    expect(engineFree).toContain('server/test/main.test.ts');
    expect(engine).not.toContain('server/test/main.test.ts');
  });

  it('leaves out no file that builds a test app or test database', () => {
    const opensOne = engineFree.filter(
      (f) =>
        f !== 'server/test/engine-files.test.ts' && // names them, in this check
        /\b(freshDeps|depsOn|sharedDatabase|makeTestApp|testEngine)\b/.test(readFileSync(join(repoRoot, f), 'utf8')),
    );
    expect(opensOne).toEqual([]);
  });

  it('sorts every test file into exactly one of the two', () => {
    expect(new Set([...engine, ...engineFree]).size).toBe(engine.length + engineFree.length);
    expect(engine.length).toBeGreaterThan(40);
  });
});
