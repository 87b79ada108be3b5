/**
 * Key rotation (pnpm pii:rotate, services/realname/rotate-pii-key.ts) on the engine under test: afterwards the
 * old key is refused at start, the new one opens the data, a person and a shared phone still match, and no
 * full number is in any line; migration 012 lets exactly the rotation's columns change and only during it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SessionUser } from '@lz/shared/api/session';
import { buildDeps } from '../../src/build-deps';
import { markRotation } from '../../src/db/pii-rotation-store';
import { closeDatabase, writeTransaction } from '../../src/db/open-database';
import type { Deps } from '../../src/deps';
import { fileRosterJson } from '../../src/services/realname/file-roster';
import { lookUpPerson } from '../../src/services/realname/person-lookup';
import { rotatePiiKey } from '../../src/services/realname/rotate-pii-key';
import { depsOn, sharedDatabase, testEngine } from '../test-db';
import { idOf, roster, trainee } from './roster-fixtures';

const admin: SessionUser = {
  id: 1,
  username: 'admin',
  displayName: '管理员',
  role: 'admin',
  department: null,
  county: null,
};
const phone = '13900004444';
const people = [idOf('19900101', '111'), idOf('19900102', '131')];
const fileTwo = (deps: Deps) =>
  fileRosterJson(
    deps,
    roster(
      { department: 'RSJ' },
      people.map((idNumber) => trainee({ idNumber, phone })),
    ),
    {
      actor: admin,
    },
  );

async function linesText(deps: Deps) {
  return JSON.stringify(await deps.db.selectFrom('roster_lines').selectAll().orderBy('id').execute());
}

/** Still matches after the rotation: the person's training, and a third trainee on the shared phone is flagged. */
async function stillMatches(deps: Deps) {
  const found = await lookUpPerson(deps, admin, people[0] ?? '', null);
  expect(found.trainings).toHaveLength(1);
  const third = roster(
    { department: 'RSJ', occupation: '焊工', level: '五级/初级工', startDate: '2020-03-02', endDate: '2020-03-31' },
    [trainee({ idNumber: idOf('19900103', '151'), phone })],
  );
  const created = await fileRosterJson(deps, third, { actor: admin });
  expect(created.flags.find((f) => f.kind === 'shared-phone')?.evidence.figures).toMatchObject({ trainees: 3 });
}

describe('rotating the personal-data key', () => {
  it('re-encrypts and re-hashes every line in one transaction; the old key is refused after', async () => {
    const db = sharedDatabase();
    const oldKey = Buffer.alloc(32, 7);
    const newKey = Buffer.alloc(32, 9);
    const before = await depsOn(db, { piiKey: oldKey });
    await fileTwo(before);
    const ciphersBefore = await linesText(before);
    expect(await rotatePiiKey(before.db, oldKey, newKey, new Date())).toEqual({ lines: 2 });
    const text = await linesText(before);
    expect(text).not.toBe(ciphersBefore);
    for (const n of [...people, phone]) expect(text).not.toContain(n);
    // The mark is gone with the transaction: nothing but a rotation may change a line.
    expect(await before.db.selectFrom('pii_rotation').selectAll().execute()).toEqual([]);
    await expect(depsOn(db, { piiKey: oldKey })).rejects.toThrow(/PII key does not match/);
    await stillMatches(await depsOn(db, { piiKey: newKey }));
  });

  it('refuses to rotate from a key that is not the one in force, changing nothing', async () => {
    const db = sharedDatabase();
    const deps = await depsOn(db, { piiKey: Buffer.alloc(32, 7) });
    await fileTwo(deps);
    const text = await linesText(deps);
    await expect(rotatePiiKey(deps.db, Buffer.alloc(32, 8), Buffer.alloc(32, 9), new Date())).rejects.toThrow(
      /does not match/,
    );
    expect(await linesText(deps)).toBe(text);
  });

  it('keeps lines immutable outside a rotation, and any column but the numbers' + "'" + ' inside one', async () => {
    const deps = await depsOn(sharedDatabase());
    await fileTwo(deps);
    const rewrite = (set: { id_hash?: string; name?: string }) =>
      deps.db.updateTable('roster_lines').set(set).where('id', '=', 1).execute();
    await expect(rewrite({ id_hash: 'x' })).rejects.toThrow(/immutable/);
    await expect(
      writeTransaction(deps.db, async (trx) => {
        await markRotation(trx, new Date().toISOString());
        await trx.updateTable('roster_lines').set({ name: '别人' }).where('id', '=', 1).execute();
      }),
    ).rejects.toThrow(/immutable/);
    await expect(deps.db.deleteFrom('roster_lines').execute()).rejects.toThrow(/immutable/);
  });
});

describe.skipIf(testEngine === 'postgres')('pnpm pii:rotate on a SQLite file', () => {
  it('replaces the key file (mode 0600) and the server opens the data with it, not the old key', async () => {
    const dbPath = join(mkdtempSync(join(tmpdir(), 'lz-rotate-')), 'lz.sqlite');
    const first = await buildDeps({ dbPath });
    await fileTwo(first);
    await closeDatabase(first.db);
    const keyFile = `${dbPath}.pii-key`;
    const oldKey = readFileSync(keyFile, 'utf8');
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('PII_KEY')));
    const out = execFileSync('npx', ['tsx', 'scripts/pii-rotate.ts', '--db', dbPath], { env, encoding: 'utf8' });
    expect(out).toContain('rotated 2 roster lines');
    const newKey = readFileSync(keyFile, 'utf8');
    expect(newKey).not.toBe(oldKey);
    expect(out).not.toContain(newKey.trim());
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(existsSync(`${keyFile}.new`)).toBe(false);
    await expect(buildDeps({ dbPath, piiKey: Buffer.from(oldKey.trim(), 'base64') })).rejects.toThrow(/does not match/);
    const after = await buildDeps({ dbPath });
    try {
      await stillMatches(after);
    } finally {
      await closeDatabase(after.db);
    }
  }, 60_000);
});
