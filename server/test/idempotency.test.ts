/** Idempotency-Key on writes: a retry returns the first answer and stores nothing new. */
import { describe, expect, it } from 'vitest';
import { reportVersionSchema } from '@lz/shared/api/reports';
import { buildTemplate } from '../src/import/template';
import { historyForm, historyXlsx } from './history-workbook';
import { body, makeTestApp, tableCounts } from './test-app';
import { value } from './sql';

const counts = async (t: Awaited<ReturnType<typeof makeTestApp>>) => {
  const { idempotency_keys: _keys, ...rest } = await tableCounts(t.deps);
  return rest;
};

describe('Idempotency-Key', () => {
  it(
    'a retried JSON submission returns the first answer, ' + 'marked as replayed, and writes no second version',
    async () => {
      const t = await makeTestApp();
      const rsj = await t.login('rsj');
      const key = { 'idempotency-key': 'submit-RSJ-2020-08-0001' };
      const first = await rsj.post('/api/reports/RSJ/2020-08', body(t.deps), key);
      expect(first.status).toBe(201);
      const firstBody = await first.text();
      const after = await counts(t);
      const retry = await rsj.post('/api/reports/RSJ/2020-08', body(t.deps), key);
      expect(retry.status).toBe(201);
      expect(retry.headers.get('idempotent-replayed')).toBe('true');
      expect(await retry.text()).toBe(firstBody);
      expect(await counts(t)).toEqual(after);
      // A new action (a new key) is a new version.
      const next = await rsj.post('/api/reports/RSJ/2020-08', body(t.deps, 2), {
        'idempotency-key': 'submit-RSJ-2020-08-0002',
      });
      expect(reportVersionSchema.parse(await next.json()).version).toBe(2);
    },
  );

  it('a retried file upload and a retried history import store nothing new', async () => {
    const t = await makeTestApp();
    const gxj = await t.login('gxj');
    const admin = await t.login('admin');
    const bytes = await buildTemplate({
      catalogue: t.deps.catalogue,
      department: 'GXJ',
      month: '2020-08',
      rows: body(t.deps).rows,
    });
    const upload = () => {
      const form = new FormData();
      form.append('file', new File([new Uint8Array(bytes)], 'gxj-2020-08.xlsx'));
      return gxj.post('/api/reports/GXJ/2020-08/file', form, { 'idempotency-key': 'upload-gxj-aaaa' });
    };
    expect((await upload()).status).toBe(201);
    const afterUpload = await counts(t);
    expect((await upload()).status).toBe(201);
    expect(await counts(t)).toEqual(afterUpload);

    const history = await historyXlsx(t.deps.catalogue, [
      { department: 'JYJ', month: '2020-06', submittedAt: '2020-07-08', rows: body(t.deps).rows },
    ]);
    const importOnce = () =>
      admin.post('/api/reports/import', historyForm(history, 'h.xlsx'), { 'idempotency-key': 'import-history-1' });
    expect((await importOnce()).status).toBe(201);
    const afterImport = await counts(t);
    expect((await importOnce()).status).toBe(201);
    expect(await counts(t)).toEqual(afterImport);
  });

  it(
    'the same key for a different request is refused (422); keys ' + 'are per user; a refused request may be retried',
    async () => {
      const t = await makeTestApp();
      const rsj = await t.login('rsj');
      const admin = await t.login('admin');
      const key = { 'idempotency-key': 'shared-key-123' };
      expect((await rsj.post('/api/reports/RSJ/2020-08', body(t.deps), key)).status).toBe(201);
      const reused = await rsj.post('/api/reports/RSJ/2020-08', body(t.deps, 2), key);
      expect(reused.status).toBe(422);
      expect(await reused.json()).toMatchObject({ error: { code: 'idempotency_key_reused' } });
      // Another user's identical key is another key.
      expect((await admin.post('/api/reports/RSJ/2020-08', body(t.deps, 3), key)).status).toBe(201);
      // A refused write is not remembered: fixing the cause and retrying with the key runs it.
      const broken = { rows: [{ county: '450202', values: { T: 5, E: 1, K: 1 } }] };
      const refusedKey = { 'idempotency-key': 'refused-then-fixed' };
      expect((await rsj.post('/api/reports/RSJ/2020-08', broken, refusedKey)).status).toBe(422);
      expect((await rsj.post('/api/reports/RSJ/2020-08', broken, refusedKey)).status).toBe(422);
      expect((await rsj.post('/api/reports/RSJ/2020-08', body(t.deps), { 'idempotency-key': 'x' })).status).toBe(400);
    },
  );

  it(
    'two racing requests with one key: one runs, the other waits its turn or is told it is in progress; one ' +
      'version',
    async () => {
      const t = await makeTestApp();
      const gxj = await t.login('gxj');
      const bytes = await buildTemplate({
        catalogue: t.deps.catalogue,
        department: 'GXJ',
        month: '2020-08',
        rows: body(t.deps).rows,
      });
      const upload = () => {
        const form = new FormData();
        form.append('file', new File([new Uint8Array(bytes)], 'gxj-2020-08.xlsx'));
        return gxj.post('/api/reports/GXJ/2020-08/file', form, { 'idempotency-key': 'race-key-0001' });
      };
      const statuses = (await Promise.all([upload(), upload(), upload()])).map((r) => r.status).sort();
      expect(statuses.filter((s) => s === 201).length).toBeGreaterThanOrEqual(1);
      expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
      expect(await value(t.deps.db, "SELECT COUNT(*) FROM report_versions WHERE department = 'GXJ'")).toBe(1);
    },
  );
});
