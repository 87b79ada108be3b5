/**
 * No full ID or phone number outside the ciphertexts, wherever a copy of the data or a word about it goes: the
 * `pnpm backup` file (SQLite), the PostgreSQL tables as pg_dump writes them (the test schema, and a schema
 * `pnpm db:copy` filled), the server's log lines during a roster upload, a refused upload and a lookup, and the
 * answers. (The SQLite file and its WAL: roster-file-api.test.ts.)
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import pg from 'pg';
import { buildDeps } from '../../src/build-deps';
import { backupDatabase } from '../../src/db/backup';
import { copyDatabase } from '../../src/db/copy-database';
import { closeDatabase } from '../../src/db/open-database';
import { fixedClock } from '../../src/deps';
import { makeTestApp } from '../test-app';
import { sharedDatabase, testDatabaseUrl, testEngine } from '../test-db';
import { idOf, roster, trainee } from './roster-fixtures';
import { rosterXlsx } from './roster-files';

const a = idOf('19900307', '123');
const b = idOf('19851120', '064', '450225');
const phones = ['13812345678', '13977001122'];
const secrets = [a, b, a.slice(0, 14), b.slice(0, 14), ...phones];

function expectNoSecrets(text: string, where: string) {
  for (const s of secrets) expect(text.includes(s), `${s.slice(0, 6)}… in ${where}`).toBe(false);
}

/** An upload (two lines), a refused upload naming a person twice, and a lookup; every log line and answer kept. */
async function fileAndLookUp(t: Awaited<ReturnType<typeof makeTestApp>>) {
  const logged: string[] = [];
  const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) =>
    vi.spyOn(console, m).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' '))),
  );
  const answers: string[] = [];
  try {
    const rsj = await t.login('rsj');
    const line = (n: number, id: string, phone: string) => [
      n,
      `学员${n}`,
      n === 1 ? '男' : '女',
      id,
      '农村转移就业劳动者',
      '否',
      phone,
      '职业技能等级证书',
      `S${n}`,
      1700,
      0,
      0,
    ];
    const total = ['合计', '', '', '', '', '', '', '', '', 3400, 0, 0];
    const upload = async (lines: unknown[][]) => {
      const form = new FormData();
      const bytes = await rosterXlsx(lines as never, total as never);
      form.append('file', new File([new Uint8Array(bytes)], 'roster.xlsx'));
      const res = await rsj.post('/api/rosters/file', form);
      answers.push(await res.text());
      return res.status;
    };
    expect(await upload([line(1, a, phones[0] ?? ''), line(2, b, phones[1] ?? '')])).toBe(201);
    expect(await upload([line(1, a, phones[0] ?? ''), line(2, a, phones[0] ?? '')])).toBe(422);
    const lookup = await (await t.login('inspector')).post('/api/people/lookup', { idNumber: a });
    expect(lookup.status).toBe(200);
    answers.push(await lookup.text());
    answers.push(await (await (await t.login('admin')).get('/api/audit?limit=500')).text());
  } finally {
    for (const s of spies) s.mockRestore();
  }
  return { logged, answers };
}

describe('personal data in backups, dumps, copies and logs', () => {
  it('keeps every full number out of the log lines and the answers of an upload and a lookup', async () => {
    const { logged, answers } = await fileAndLookUp(await makeTestApp());
    expectNoSecrets(logged.join('\n'), 'the log');
    expectNoSecrets(answers.join('\n'), 'the answers');
  });

  it.runIf(testEngine === 'sqlite')('keeps them out of the `pnpm backup` file', async () => {
    const db = sharedDatabase();
    const t = await makeTestApp(undefined, {}, db);
    await fileAndLookUp(t);
    const out = join(mkdtempSync(join(tmpdir(), 'lz-backup-')), 'backup.sqlite');
    backupDatabase(db.dbPath, out);
    const bytes = readFileSync(out).toString('latin1');
    expect(bytes).toContain('roster_lines');
    expectNoSecrets(bytes, 'the backup');
  });

  it.runIf(testEngine === 'postgres')('keeps them out of the tables as pg_dump writes them', async () => {
    const db = sharedDatabase();
    const t = await makeTestApp(undefined, {}, db);
    await fileAndLookUp(t);
    const dump = pgDump(db.schema ?? '');
    expect(dump).toContain('roster_lines');
    expect(dump).toContain('v1:'); // the ciphertexts are there
    expectNoSecrets(dump, 'pg_dump');
  });

  it.runIf(testEngine === 'postgres')(
    'keeps them out of what `pnpm db:copy` writes into PostgreSQL',
    async () => {
      const sqliteFile = join(mkdtempSync(join(tmpdir(), 'lz-copy-')), 'source.sqlite');
      const clock = fixedClock('2020-09-05T10:00:00+08:00');
      const source = await buildDeps({ dbPath: sqliteFile, piiKey: Buffer.alloc(32, 5), clock });
      const { fileRosterJson } = await import('../../src/services/realname/file-roster');
      const actor = { id: 1, username: 'admin', displayName: '管理员', role: 'admin', department: null, county: null };
      const people = [
        trainee({ idNumber: a, phone: phones[0] }),
        trainee({ idNumber: b, gender: '女', phone: phones[1] }),
      ];
      await fileRosterJson(source, roster({ department: 'RSJ' }, people), { actor: actor as never });
      await closeDatabase(source.db);
      const schema = `lz_copy_${process.pid}_${randomBytes(4).toString('hex')}`;
      copied.push(schema);
      const result = await copyDatabase(sqliteFile, testDatabaseUrl, schema);
      expect(result.ok).toBe(true);
      expectNoSecrets(pgDump(schema), 'the db:copy target');
    },
    60_000,
  );
});

const copied: string[] = [];
afterAll(async () => {
  if (copied.length === 0) return;
  const admin = new pg.Client({ connectionString: testDatabaseUrl });
  await admin.connect();
  for (const s of copied) await admin.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
  await admin.end();
});

/** The schema's data as plain SQL, as an operator's `pg_dump` would write it. */
function pgDump(schema: string): string {
  // PostgreSQL's client tool from the system (as pg-backup.ts runs it), not a package binary.
  const tool = 'pg_dump';
  return execFileSync(tool, ['--data-only', '--schema', schema, '--dbname', testDatabaseUrl], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
}
