/**
 * POST /api/rosters/file over HTTP: a roster file as offices keep it is stored with its contribution; a bad one
 * is refused at its cells with nothing stored. And the personal data at rest: no full ID number in the SQLite
 * file or its WAL, and the server refusing to start under a wrong key.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rosterCreatedSchema, rosterRefusalSchema } from '@lz/shared/api/rosters';
import { closeDatabase } from '../../src/db/open-database';
import { makeTestApp, tableCounts } from '../test-app';
import { depsOn, sharedDatabase, testEngine } from '../test-db';
import { idOf, roster, trainee } from './roster-fixtures';
import { type Line, rosterGbkCsv, rosterXlsx } from './roster-files';

const a = idOf('19900307', '123');
const b = idOf('19851120', '064', '450225');
const lines: Line[] = [
  [1, '韦小强', '男', a, '农村转移就业劳动者', '否', '13812345678', '职业技能等级证书', 'S0001', 1700, 0, 150],
  [2, '覃丽', '女', b.toLowerCase(), '下岗失业人员', '是', '13977001122', '职业技能等级证书', 'S0002', 1700, 500, 150],
];
const total: Line = ['合计（2人）', '', '', '', '', '', '', '', '', 3400, 500, 300];

function form(bytes: Uint8Array, name: string, department?: string) {
  const f = new FormData();
  f.append('file', new File([new Uint8Array(bytes)], name));
  if (department) f.append('department', department);
  return f;
}

describe('POST /api/rosters/file', () => {
  it.each([
    ['xlsx', () => rosterXlsx(lines, total), 'roster.xlsx'],
    ['GBK csv', async () => rosterGbkCsv(lines, total), 'roster.csv'],
  ])('stores a %s roster and answers its contribution (hand computed)', async (_, build, name) => {
    const t = await makeTestApp();
    const res = await (await t.login('rsj')).post('/api/rosters/file', form(await build(), name));
    expect(res.status, await res.clone().text()).toBe(201);
    const created = rosterCreatedSchema.parse(await res.json());
    // 韦小强 K1, 覃丽 K4 (下岗失业) and poor (X1); both certified; subsidies summed in yuan.
    expect(created.contributes.values).toEqual({ K1: 1, K4: 1, X1: 1, X3: 2, F1: 3400, F2: 500, F3: 300 });
    expect(created.trainees).toBe(2);
  });

  it('refuses a bad file at its cells, every problem at once, and stores nothing', async () => {
    const t = await makeTestApp();
    const rsj = await t.login('rsj');
    const before = await tableCounts(t.deps);
    const bad = `${a.slice(0, 17)}${a.endsWith('0') ? '1' : '0'}`;
    const broken: Line[] = [[1, ...lines[0]!.slice(1, 3), bad, ...lines[0]!.slice(4)], lines[1]!];
    const res = await rsj.post(
      '/api/rosters/file',
      form(await rosterXlsx(broken, [...total.slice(0, 9), 9999, 500, 300]), 'bad.xlsx'),
    );
    expect(res.status).toBe(422);
    const details = rosterRefusalSchema.parse(await res.json()).error.details;
    expect(details.map((d) => `${d.row}${d.column}:${d.rule}`)).toEqual(['6D:id-check', '9J:total-mismatch']);
    expect(await tableCounts(t.deps)).toEqual(before);
  });

  it('needs a department from the admin and refuses another department from a reporter', async () => {
    const t = await makeTestApp();
    const bytes = await rosterXlsx(lines, total);
    expect((await (await t.login('admin')).post('/api/rosters/file', form(bytes, 'r.xlsx'))).status).toBe(400);
    expect((await (await t.login('admin')).post('/api/rosters/file', form(bytes, 'r.xlsx', 'RSJ'))).status).toBe(201);
    expect((await (await t.login('gxj')).post('/api/rosters/file', form(bytes, 'r.xlsx'))).status).toBe(422);
  });
});

describe.runIf(testEngine === 'sqlite')('personal data at rest (SQLite file)', () => {
  it('keeps no full ID or phone number in the database file or its WAL', async () => {
    const db = sharedDatabase();
    const deps = await depsOn(db);
    const { createApp } = await import('../../src/app');
    const { createUser } = await import('../../src/services/auth/users');
    await createUser(deps, { username: 'rsj', password: 'Test-password-1', role: 'reporter', department: 'RSJ' }, 't');
    const app = createApp(deps);
    const login = await app.request('/api/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'rsj', password: 'Test-password-1' }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const res = await app.request('/api/rosters', {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify(roster({}, [trainee({ idNumber: a, phone: '13812345678' })])),
    });
    expect(res.status).toBe(201);
    const folder = dirname(db.dbPath);
    const bytes = readdirSync(folder)
      .filter((f) => f.startsWith('shared.sqlite'))
      .map((f) => readFileSync(join(folder, f)).toString('latin1'));
    expect(bytes.length).toBeGreaterThan(0);
    for (const content of bytes) {
      expect(content).not.toContain(a);
      expect(content).not.toContain(a.slice(0, 14)); // nor its birth date beside its region
      expect(content).not.toContain('13812345678');
    }
    await closeDatabase(deps.db);
  });
});

describe('the personal-data key', () => {
  it('refuses to start when the database holds encrypted data and the key is wrong', async () => {
    const db = sharedDatabase();
    const first = await depsOn(db, { piiKey: Buffer.alloc(32, 1) });
    const { fileRosterJson } = await import('../../src/services/realname/file-roster');
    const actor = { id: 1, username: 'admin', displayName: '管理员', role: 'admin', department: null, county: null };
    await fileRosterJson(first, roster(), { actor: actor as never, department: 'RSJ' });
    await expect(depsOn(db, { piiKey: Buffer.alloc(32, 2) })).rejects.toThrow(/PII key does not match/);
    // The right key still opens it.
    const again = await depsOn(db, { piiKey: Buffer.alloc(32, 1) });
    expect(again.pii.keyCheck()).toBe(first.pii.keyCheck());
  });
});
