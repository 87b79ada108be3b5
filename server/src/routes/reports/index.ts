/** /api/reports: the monthly report of one department × one month, its versions and its review. */
import { z } from 'zod';
import {
  acceptSchema,
  reasonSchema,
  unlockSchema,
  reportEventSchema,
  reportMonthSchema,
  reportVersionSchema,
  submitReportSchema,
  versionSummarySchema,
  historyImportResultSchema,
} from '@lz/shared/api/reports';
import { allow, ANY_USER, defineRoutes, userOf } from '../../http/define-routes';
import { parseJson, parseQuery } from '../../http/parse-input';
import {
  getLatestReport,
  getReportVersion,
  listEvents,
  listReportMonths,
  listVersions,
  scopeToViewer,
} from '../../services/reports/read-reports';
import { importHistoryFile } from '../../services/reports/import-history';
import { reviewReport } from '../../services/reports/review-report';
import { assertReportable } from '../../services/reports/report-scope';
import { submitReport } from '../../services/reports/submit-report';
import { submitReportFile } from '../../services/reports/submit-report-file';
import { buildTemplate } from '../../import/template';
import { badRequest, forbidden, notFound } from '../../errors';

const READERS = allow('admin', 'leader', 'inspector', 'reporter', 'county');
const WRITERS = allow('admin', 'reporter');
const listQuery = z.object({ department: z.string().optional(), status: z.string().optional() });

export function reportRoutes() {
  const r = defineRoutes('/api/reports');

  r.get(
    '/',
    {
      summary: '月报一览（填报单位工作台、审核队列）',
      access: ANY_USER,
      query: listQuery,
      response: z.array(reportMonthSchema),
    },
    (c) => {
      const deps = c.get('deps');
      const user = userOf(c);
      const q = parseQuery(c, listQuery);
      const reporting = deps.catalogue.departments.filter((d) => d.owesReports).map((d) => d.code);
      if (user.role === 'reporter' && q.department && q.department !== user.department)
        throw forbidden('只能查看本单位的报表');
      const departments =
        user.role === 'reporter' ? [user.department ?? ''] : q.department ? [q.department] : reporting;
      if (departments.some((d) => !reporting.includes(d))) throw notFound('未知的责任单位');
      const statuses = q.status?.split(',');
      return c.json(listReportMonths(deps, departments).filter((m) => !statuses || statuses.includes(m.status)));
    },
  );

  r.get('/:department/:month', { summary: '最新版本', access: READERS, response: reportVersionSchema }, (c) => {
    const deps = c.get('deps');
    const { department, month } = c.req.param();
    assertReportable(deps, userOf(c), department, month, 'read');
    const report = getLatestReport(deps, department, month);
    if (!report) throw notFound(`${month} 尚未报送`);
    return c.json(scopeToViewer(report, userOf(c)));
  });

  r.post(
    '/:department/:month',
    { summary: '报送（JSON），生成新版本', access: WRITERS, body: submitReportSchema, response: reportVersionSchema },
    async (c) => {
      const { department, month } = c.req.param();
      const user = userOf(c);
      const deps = c.get('deps');
      assertReportable(deps, user, department, month, 'write');
      const body = await parseJson(c, submitReportSchema);
      const stored = submitReport(deps, {
        department,
        month,
        rows: body.rows,
        submittedAt: body.submittedAt,
        actor: user,
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
      multipart: true,
      response: reportVersionSchema,
    },
    async (c) => {
      const { department, month } = c.req.param();
      const user = userOf(c);
      const deps = c.get('deps');
      assertReportable(deps, user, department, month, 'write');
      const type = c.req.header('content-type') ?? '';
      if (!type.startsWith('multipart/form-data'))
        throw badRequest('请以 multipart/form-data 上传，字段名为 file', 'multipart_required');
      const form = await c.req.parseBody();
      const file = form.file;
      if (!(file instanceof File)) throw badRequest('缺少上传文件（字段名 file）', 'file_missing');
      const submittedAt =
        typeof form.submittedAt === 'string' && form.submittedAt !== '' ? form.submittedAt : undefined;
      const stored = await submitReportFile(deps, {
        department,
        month,
        file,
        submittedAt,
        actor: user,
        ip: c.get('ip'),
      });
      return c.json(stored, 201);
    },
  );

  r.post(
    '/import',
    {
      summary: '导入历史数据（一个文件含多个单位、多个月份；字段 file；全部导入或全部不导入）',
      access: allow('admin'),
      multipart: true,
      response: historyImportResultSchema,
    },
    async (c) => {
      const type = c.req.header('content-type') ?? '';
      if (!type.startsWith('multipart/form-data'))
        throw badRequest('请以 multipart/form-data 上传，字段名为 file', 'multipart_required');
      const file = (await c.req.parseBody()).file;
      if (!(file instanceof File)) throw badRequest('缺少上传文件（字段名 file）', 'file_missing');
      return c.json(await importHistoryFile(c.get('deps'), { file, actor: userOf(c), ip: c.get('ip') }), 201);
    },
  );

  r.get(
    '/:department/:month/template.xlsx',
    {
      summary: '下载报表模板（含最新数据）',
      access: allow('admin', 'leader', 'inspector', 'reporter'),
      produces: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    },
    async (c) => {
      const deps = c.get('deps');
      const { department, month } = c.req.param();
      assertReportable(deps, userOf(c), department, month, 'read');
      const latest = getLatestReport(deps, department, month);
      const bytes = await buildTemplate({ catalogue: deps.catalogue, department, month, rows: latest?.rows });
      const name = encodeURIComponent(`${department}-${month}-月报.xlsx`);
      return c.body(new Uint8Array(bytes), 200, {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-disposition': `attachment; filename="${department}-${month}.xlsx"; filename*=UTF-8''${name}`,
      });
    },
  );

  r.get(
    '/:department/:month/versions',
    { summary: '全部版本', access: READERS, response: z.array(versionSummarySchema) },
    (c) => {
      const deps = c.get('deps');
      const { department, month } = c.req.param();
      const user = userOf(c);
      assertReportable(deps, user, department, month, 'read');
      if (user.role === 'county') throw forbidden('县区用户只能查看本县区数据');
      return c.json(listVersions(deps, department, month));
    },
  );

  r.get(
    '/:department/:month/versions/:n',
    { summary: '某一版本', access: READERS, response: reportVersionSchema },
    (c) => {
      const deps = c.get('deps');
      const { department, month, n } = c.req.param();
      assertReportable(deps, userOf(c), department, month, 'read');
      const version = Number(n);
      if (!Number.isInteger(version) || version < 1) throw badRequest('版本号无效');
      return c.json(scopeToViewer(getReportVersion(deps, department, month, version), userOf(c)));
    },
  );

  r.get(
    '/:department/:month/events',
    { summary: '报送、审核、退回、解锁记录', access: READERS, response: z.array(reportEventSchema) },
    (c) => {
      const deps = c.get('deps');
      const { department, month } = c.req.param();
      assertReportable(deps, userOf(c), department, month, 'read');
      return c.json(listEvents(deps, department, month));
    },
  );

  const reviewBodies = { accept: acceptSchema, return: reasonSchema, unlock: unlockSchema } as const;
  for (const verb of ['accept', 'return', 'unlock'] as const) {
    const summary = {
      accept: '审核通过（锁定该月；须带所审核的版本号 version）',
      return: '退回（须填写原因，并带所审核的版本号 version）',
      unlock: '解锁已审核的报表（须填写原因）',
    }[verb];
    const schema = reviewBodies[verb];
    r.post(
      `/:department/:month/${verb}`,
      { summary, access: allow('admin'), body: schema, response: reportVersionSchema },
      async (c) => {
        const { department, month } = c.req.param();
        const input: { reason?: string; version?: number } = await parseJson(c, schema);
        return c.json(
          reviewReport(c.get('deps'), {
            department,
            month,
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
  return r.app;
}
