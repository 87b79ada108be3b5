/** /api/reports: the monthly report of one department × one month, its versions and its review. */
import { z } from 'zod';
import {
  acceptBatchResultSchema,
  acceptBatchSchema,
  acceptSchema,
  historyImportResultSchema,
  reasonSchema,
  reportEventSchema,
  reportListQuerySchema,
  reportMonthSchema,
  reportVersionSchema,
  submitReportSchema,
  unlockSchema,
  versionSummarySchema,
} from '@lz/shared/api/reports';
import { ANY_USER, allow, defineRoutes, userOf } from '../../http/define-routes';
import { MAX_HISTORY_BYTES } from '../../import/history-file';
import { MAX_UPLOAD_BYTES } from '../../import/parse-report-file';
import { buildHistorySample } from '../../services/reports/history-sample';
import { importHistoryFile } from '../../services/reports/import-history';
import {
  listReportMonthsFor,
  readEvents,
  readLatestReport,
  readReportVersion,
  readTemplate,
  readVersions,
} from '../../services/reports/read-for-viewer';
import { acceptReports, reviewReport } from '../../services/reports/review-report';
import { submitReport } from '../../services/reports/submit-report';
import { submitReportFile } from '../../services/reports/submit-report-file';

const READERS = ANY_USER;
const WRITERS = allow('admin', 'reporter');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Room for the multipart envelope around a file at its size limit. */
const ENVELOPE = 64 * 1024;
const versionParams = z.object({
  department: z.string(),
  month: z.string(),
  n: z.coerce.number().int().min(1, '版本号无效'),
});

export function reportRoutes() {
  const r = defineRoutes('/api/reports');

  r.get(
    '/',
    {
      summary: '月报一览（填报单位工作台、审核队列；县区用户只见本县区的数字）',
      access: ANY_USER,
      query: reportListQuerySchema,
      response: z.array(reportMonthSchema),
    },
    async (c, { query }) => c.json(await listReportMonthsFor(c.get('deps'), userOf(c), query)),
  );

  r.get(
    '/import/sample.xlsx',
    { summary: '下载历史数据导入样例（按目录生成）', access: allow('admin'), produces: XLSX },
    async (c) => {
      const name = encodeURIComponent('历史数据导入样例.xlsx');
      return c.body(new Uint8Array(await buildHistorySample(c.get('deps'))), 200, {
        'content-type': XLSX,
        'content-disposition': `attachment; filename="history-sample.xlsx"; filename*=UTF-8''${name}`,
      });
    },
  );

  r.get('/:department/:month', { summary: '最新版本', access: READERS, response: reportVersionSchema }, async (c, i) =>
    c.json(await readLatestReport(c.get('deps'), userOf(c), i.params.department, i.params.month)),
  );

  r.post(
    '/:department/:month',
    { summary: '报送（JSON），生成新版本', access: WRITERS, body: submitReportSchema, response: reportVersionSchema },
    async (c, { body, params }) => {
      const stored = await submitReport(c.get('deps'), {
        ...params,
        rows: body.rows,
        submittedAt: body.submittedAt,
        actor: userOf(c),
        source: 'form',
        ip: c.get('ip'),
      });
      return c.json(stored, 201);
    },
  );

  r.post(
    '/:department/:month/file',
    {
      summary: '上传 .xlsx / .csv 报表（字段 file；管理员可加 submittedAt）',
      access: WRITERS,
      file: { name: 'file', text: ['submittedAt'] },
      bodyLimit: MAX_UPLOAD_BYTES + ENVELOPE,
      response: reportVersionSchema,
    },
    async (c, { file, fields, params }) => {
      const input = { ...params, file, submittedAt: fields.submittedAt, actor: userOf(c), ip: c.get('ip') };
      return c.json(await submitReportFile(c.get('deps'), input), 201);
    },
  );

  r.post(
    '/import',
    {
      summary: '导入历史数据（一个文件含多个单位、多个月份；字段 file；全部导入或全部不导入）',
      access: allow('admin'),
      file: { name: 'file' },
      bodyLimit: MAX_HISTORY_BYTES + ENVELOPE,
      response: historyImportResultSchema,
    },
    async (c, { file }) =>
      c.json(await importHistoryFile(c.get('deps'), { file, actor: userOf(c), ip: c.get('ip') }), 201),
  );

  r.get(
    '/:department/:month/template.xlsx',
    {
      summary: '下载报表模板（含最新数据）',
      access: allow('admin', 'leader', 'inspector', 'reporter'),
      produces: XLSX,
    },
    async (c, { params: { department, month } }) => {
      const bytes = await readTemplate(c.get('deps'), userOf(c), department, month);
      const name = encodeURIComponent(`${department}-${month}-月报.xlsx`);
      return c.body(bytes, 200, {
        'content-type': XLSX,
        'content-disposition': `attachment; filename="${department}-${month}.xlsx"; filename*=UTF-8''${name}`,
      });
    },
  );

  r.get(
    '/:department/:month/versions',
    { summary: '全部版本（县区用户不可见）', access: READERS, response: z.array(versionSummarySchema) },
    async (c, { params }) => c.json(await readVersions(c.get('deps'), userOf(c), params.department, params.month)),
  );

  r.get(
    '/:department/:month/versions/:n',
    {
      summary: '某一版本（县区用户不可见）',
      access: READERS,
      params: versionParams,
      response: reportVersionSchema,
    },
    async (c, { params }) =>
      c.json(await readReportVersion(c.get('deps'), userOf(c), { ...params, version: params.n })),
  );

  r.get(
    '/:department/:month/events',
    { summary: '报送、审核、退回、解锁记录', access: READERS, response: z.array(reportEventSchema) },
    async (c, { params }) => c.json(await readEvents(c.get('deps'), userOf(c), params.department, params.month)),
  );

  const review = [
    ['accept', acceptSchema, '审核通过（锁定该月；须带所审核的版本号 version）'],
    ['return', reasonSchema, '退回（须填写原因，并带所审核的版本号 version）'],
    ['unlock', unlockSchema, '解锁已审核的报表（须填写原因）'],
  ] as const;
  r.post(
    '/accept',
    {
      summary: '批量审核通过（每份带所审核的版本号；全部通过或全部不通过，409 列出每份已变化的报表）',
      access: allow('admin'),
      body: acceptBatchSchema,
      response: acceptBatchResultSchema,
    },
    async (c, { body }) =>
      c.json(await acceptReports(c.get('deps'), { items: body.items, actor: userOf(c), ip: c.get('ip') })),
  );
  for (const [verb, schema, summary] of review) {
    r.post(
      `/:department/:month/${verb}`,
      { summary, access: allow('admin'), body: schema, response: reportVersionSchema },
      async (c, { body, params }) => {
        const input: { reason?: string; version?: number } = body;
        return c.json(
          await reviewReport(c.get('deps'), {
            ...params,
            verb,
            reason: input.reason ?? null,
            version: input.version,
            actor: userOf(c),
            ip: c.get('ip'),
          }),
        );
      },
    );
  }
  return r;
}
