/**
 * Tracking: progress against every target, breakdowns, series, ratios, compliance and target decomposition. The
 * dashboard reads answer with the shared answer object serialised once (http/shared-json.ts).
 */
import {
  allocationQuerySchema,
  allocationViewSchema,
  asOfQuerySchema,
  breakdownQuerySchema,
  breakdownSchema,
  complianceQuerySchema,
  complianceSchema,
  progressSchema,
  putAllocationsSchema,
  ratiosSchema,
  seriesQuerySchema,
  seriesSchema,
  targetSplitSchema,
  targetSplitViewSchema,
} from '@lz/shared/api/progress';
import { ANY_USER, allow, defineRoutes, userOf } from '../../http/define-routes';
import { sharedJson } from '../../http/shared-json';
import { putAllocations, putSplit } from '../../services/progress/allocations';
import {
  getAllocationsFor,
  getBreakdownFor,
  getComplianceFor,
  getRatiosFor,
  getSeriesFor,
} from '../../services/progress/for-viewer';
import { getProgress } from '../../services/progress/get-progress';

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
    async (c, { query }) => sharedJson(c, await getProgress(c.get('deps'), query.asOf)),
  );

  r.get(
    '/progress/breakdown',
    { summary: '按县区或部门分解的完成情况', access: ANY_USER, query: breakdownQuerySchema, response: breakdownSchema },
    async (c, { query }) => sharedJson(c, await getBreakdownFor(c.get('deps'), userOf(c), query)),
  );

  r.get(
    '/series',
    { summary: '月度值、累计值、应完成进度与预测', access: ANY_USER, query: seriesQuerySchema, response: seriesSchema },
    async (c, { query }) => sharedJson(c, await getSeriesFor(c.get('deps'), userOf(c), query)),
  );

  r.get(
    '/ratios',
    {
      summary: '技能劳动者占比(R1)与高技能人才占比(R2)',
      access: ANY_USER,
      query: asOfQuerySchema,
      response: ratiosSchema,
    },
    async (c, { query }) => sharedJson(c, await getRatiosFor(c.get('deps'), userOf(c), query.asOf)),
  );

  r.get(
    '/compliance',
    {
      summary: '报送情况（报送率、及时率）',
      access: allow('admin', 'leader', 'inspector', 'reporter'),
      query: complianceQuerySchema,
      response: complianceSchema,
    },
    async (c, { query }) => sharedJson(c, await getComplianceFor(c.get('deps'), userOf(c), query)),
  );

  r.get(
    '/allocations',
    {
      summary: '目标分解（不带 department：分到各部门；带 department：该部门分到各县区）',
      access: allow('admin', 'leader', 'inspector', 'reporter'),
      query: allocationQuerySchema,
      response: allocationViewSchema,
    },
    async (c, { query }) => c.json(await getAllocationsFor(c.get('deps'), userOf(c), query)),
  );

  r.put(
    '/allocations',
    {
      summary: '保存目标分解（管理员：各部门；填报员：本单位各县区）',
      access: allow('admin', 'reporter'),
      body: putAllocationsSchema,
      response: allocationViewSchema,
    },
    async (c, { body }) => c.json(await putAllocations(c.get('deps'), body, userOf(c), c.get('ip'))),
  );

  r.put(
    '/targets/:code/split',
    {
      summary: '设置目标的分年度进度',
      access: allow('admin'),
      body: targetSplitSchema,
      response: targetSplitViewSchema,
    },
    async (c, { body, params }) =>
      c.json(await putSplit(c.get('deps'), params.code, body.years, userOf(c), c.get('ip'))),
  );

  return r;
}
