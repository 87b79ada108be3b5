/** Tracking: progress against every target, breakdowns, series, ratios, compliance and target decomposition. */
import { z } from 'zod';
import {
  allocationViewSchema,
  asOfQuerySchema,
  breakdownQuerySchema,
  breakdownSchema,
  complianceSchema,
  progressSchema,
  putAllocationsSchema,
  ratiosSchema,
  seriesQuerySchema,
  seriesSchema,
} from '@lz/shared/api/progress';
import { allow, ANY_USER, defineRoutes, userOf } from '../../http/define-routes';
import { parseJson, parseQuery } from '../../http/parse-input';
import { forbidden } from '../../errors';
import { getAllocations, putAllocations, putSplit } from '../../services/progress/allocations';
import { getBreakdown } from '../../services/progress/get-breakdown';
import { getCompliance } from '../../services/progress/get-compliance';
import { getProgress } from '../../services/progress/get-progress';
import { getRatios } from '../../services/progress/get-ratios';
import { getSeries } from '../../services/progress/get-series';

const allocationQuery = z.object({ target: z.string().default('T'), department: z.string().optional() });
const splitBody = z.object({ years: z.record(z.string().regex(/^\d{4}$/), z.number().min(0)) });

export function progressRoutes() {
  const r = defineRoutes('/api');

  r.get(
    '/progress',
    {
      summary: '全市各目标完成情况（完成率、时序进度、预测）',
      access: ANY_USER,
      query: asOfQuerySchema,
      response: progressSchema,
    },
    (c) => c.json(getProgress(c.get('deps'), parseQuery(c, asOfQuerySchema).asOf)),
  );

  r.get(
    '/progress/breakdown',
    { summary: '按县区或部门分解的完成情况', access: ANY_USER, query: breakdownQuerySchema, response: breakdownSchema },
    (c) => {
      const q = parseQuery(c, breakdownQuerySchema);
      const user = userOf(c);
      // Reporters see their own department by county; county users see their own county by department.
      if (user.role === 'reporter') {
        if (q.by !== 'county' || (q.department && q.department !== user.department))
          throw forbidden('只能查看本单位按县区的完成情况');
        q.department = user.department ?? undefined;
      }
      if (user.role === 'county') {
        if (q.by !== 'department' || (q.county && q.county !== user.county))
          throw forbidden('只能查看本县区的完成情况');
        q.county = user.county ?? undefined;
      }
      return c.json(getBreakdown(c.get('deps'), q));
    },
  );

  r.get(
    '/series',
    { summary: '月度值、累计值、应完成进度与预测', access: ANY_USER, query: seriesQuerySchema, response: seriesSchema },
    (c) => {
      const q = parseQuery(c, seriesQuerySchema);
      const user = userOf(c);
      if (user.role === 'reporter' && (q.department ? q.department !== user.department : q.county !== undefined))
        throw forbidden('只能查看本单位数据和全市合计');
      if (user.role === 'county' && (q.county ? q.county !== user.county : q.department !== undefined))
        throw forbidden('只能查看本县区数据和全市合计');
      return c.json(getSeries(c.get('deps'), q));
    },
  );

  r.get(
    '/ratios',
    {
      summary: '技能劳动者占比(R1)与高技能人才占比(R2)',
      access: ANY_USER,
      query: asOfQuerySchema,
      response: ratiosSchema,
    },
    (c) => {
      const user = userOf(c);
      const ratios = getRatios(c.get('deps'), parseQuery(c, asOfQuerySchema).asOf);
      const lead = c.get('deps').catalogue.campaign.stockReporter;
      if (user.role === 'county')
        return c.json({ ...ratios, counties: ratios.counties.filter((x) => x.code === user.county) });
      if (user.role === 'reporter' && user.department !== lead) return c.json({ ...ratios, counties: [] });
      return c.json(ratios);
    },
  );

  r.get(
    '/compliance',
    {
      summary: '报送情况（报送率、及时率）',
      access: allow('admin', 'leader', 'inspector', 'reporter'),
      query: asOfQuerySchema,
      response: complianceSchema,
    },
    (c) => {
      const user = userOf(c);
      const { asOf } = parseQuery(c, asOfQuerySchema);
      return c.json(
        getCompliance(c.get('deps'), {
          asOf,
          departments: user.role === 'reporter' ? [user.department ?? ''] : undefined,
        }),
      );
    },
  );

  r.get(
    '/allocations',
    {
      summary: '目标分解（不带 department：分到各部门；带 department：该部门分到各县区）',
      access: allow('admin', 'leader', 'inspector', 'reporter'),
      query: allocationQuery,
      response: allocationViewSchema,
    },
    (c) => {
      const q = parseQuery(c, allocationQuery);
      const user = userOf(c);
      const department = q.department ?? (user.role === 'reporter' ? user.department : null) ?? null;
      return c.json(getAllocations(c.get('deps'), q.target, department, user));
    },
  );

  r.put(
    '/allocations',
    {
      summary: '保存目标分解（管理员：各部门；填报员：本单位各县区）',
      access: allow('admin', 'reporter'),
      body: putAllocationsSchema,
      response: allocationViewSchema,
    },
    async (c) => {
      const input = await parseJson(c, putAllocationsSchema);
      return c.json(putAllocations(c.get('deps'), input, userOf(c), c.get('ip')));
    },
  );

  r.put(
    '/targets/:code/split',
    { summary: '设置目标的分年度进度', access: allow('admin'), body: splitBody },
    async (c) => {
      const body = await parseJson(c, splitBody);
      return c.json(putSplit(c.get('deps'), c.req.param('code'), body.years, userOf(c), c.get('ip')));
    },
  );

  return r.app;
}
