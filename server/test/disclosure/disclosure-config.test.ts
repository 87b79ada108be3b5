/** The wiring's configuration: the holiday calendar the app loads for the 公示期, and the disclosure secret. */
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { noticeListSchema } from '@lz/shared/api/disclosure';
import { describe, expect, it } from 'vitest';
import { loadDisclosureSecret } from '../../src/disclosure/wiring/disclosure-secret';
import { roster } from '../realname/roster-fixtures';
import { makeTestApp } from '../test-app';

describe('the 公示期 in the app follows the campaign holiday calendar', () => {
  it('a batch published Tuesday 2020-09-29 runs over 国庆/中秋 and the 10-10 make-up Saturday to 10-12', async () => {
    const t = await makeTestApp('2020-09-29T10:00:00+08:00');
    const admin = await t.login('admin');
    const filed = await (await t.login('rsj')).post('/api/rosters', roster());
    const classId = String(((await filed.json()) as { id: string | number }).id);
    const created = await admin.post('/api/disclosure/notices', {
      title: '国庆前公示',
      department: 'RSJ',
      classIds: [classId],
    });
    const { id } = (await created.json()) as { id: string };
    expect((await admin.post(`/api/disclosure/notices/${id}/publish`)).status).toBe(200);
    const list = noticeListSchema.parse(await (await t.anonymous.get('/api/public/notices')).json());
    // 9-29, 9-30, (10-01…10-08 off, 国办发明电〔2019〕16号), 10-09, 10-10 (调休 Saturday), 10-12: weekends alone
    // would end it on 10-05.
    expect(list.items[0]).toMatchObject({ id, noticeStart: '2020-09-29', noticeEnd: '2020-10-12', open: true });
  });
});

describe('the disclosure secret', () => {
  it('comes from DISCLOSURE_SECRET, else a key file it creates once, else one per process', () => {
    expect(loadDisclosureSecret('a-long-enough-secret', null)).toMatchObject({ source: 'env' });
    expect(() => loadDisclosureSecret('short', null)).toThrow(/DISCLOSURE_SECRET/);
    const file = join(mkdtempSync(join(tmpdir(), 'lz-disclosure-')), 'db.sqlite.disclosure-key');
    const created = loadDisclosureSecret(undefined, file);
    expect(created.source).toBe('created');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const again = loadDisclosureSecret('', file);
    expect(again.source).toBe('file');
    expect(again.secret.equals(created.secret)).toBe(true);
    expect(readFileSync(file, 'utf8').trim()).toBe(created.secret.toString('base64'));
    expect(loadDisclosureSecret(undefined, null).source).toBe('process');
  });
});
