/** The statistics office's 信息公开: fund-use quarters, notice batches, the objection queue (admin only). */
import { z } from 'zod';
import {
  answerObjectionSchema,
  createNoticeBatchSchema,
  idParamsSchema,
  noticeCandidateQuerySchema,
  noticeCandidatesSchema,
  officeFundUseSchema,
  officeNoticeBatchSchema,
  officeObjectionSchema,
  quarterParamsSchema,
} from '@lz/shared/api/disclosure-office';
import type { NoticeClassSource } from '../../disclosure/wiring/notice-classes';
import { allow, defineRoutes, userOf } from '../../http/define-routes';
import {
  answerObjection,
  createNoticeBatch,
  listNoticeBatches,
  listObjections,
  noticeCandidates,
  officeFundUse,
  publishQuarter,
  setNoticeBatchState,
  withdrawQuarter,
} from '../../services/disclosure-office';

const office = allow('admin');

export function disclosureRoutes(classes: NoticeClassSource) {
  const r = defineRoutes('/api/disclosure');
  r.get(
    '/fund-use',
    { summary: '资金使用公开：各季度公布状态与拟公布数', access: office, response: officeFundUseSchema },
    async (c) => c.json(await officeFundUse(c.get('deps'), userOf(c))),
  );
  r.post(
    '/fund-use/:quarter/publish',
    {
      summary: '公布一个季度的资金使用情况',
      access: office,
      params: quarterParamsSchema,
      response: officeFundUseSchema,
    },
    async (c, { params }) => c.json(await publishQuarter(c.get('deps'), params.quarter, userOf(c), c.get('ip'))),
  );
  r.post(
    '/fund-use/:quarter/withdraw',
    {
      summary: '撤回一个季度的资金使用公开',
      access: office,
      params: quarterParamsSchema,
      response: officeFundUseSchema,
    },
    async (c, { params }) => c.json(await withdrawQuarter(c.get('deps'), params.quarter, userOf(c), c.get('ip'))),
  );
  const batches = async (c: Parameters<Parameters<typeof r.get>[2]>[0]) =>
    c.json(await listNoticeBatches(c.get('deps'), classes, userOf(c)));
  r.get(
    '/notice-classes',
    {
      summary: '可列入公示的培训班（未撤回、未在已发布批次中）',
      access: office,
      query: noticeCandidateQuerySchema,
      response: noticeCandidatesSchema,
    },
    async (c, { query }) => c.json(await noticeCandidates(c.get('deps'), query, userOf(c))),
  );
  r.get('/notices', { summary: '公示批次清单', access: office, response: z.array(officeNoticeBatchSchema) }, batches);
  r.post(
    '/notices',
    {
      summary: '由培训班创建公示批次（未发布）',
      access: office,
      body: createNoticeBatchSchema,
      response: officeNoticeBatchSchema,
    },
    async (c, { body }) => {
      const deps = c.get('deps');
      const id = await createNoticeBatch(deps, body, userOf(c), c.get('ip'));
      const all = await listNoticeBatches(deps, classes, userOf(c));
      return c.json(
        all.find((b) => b.id === String(id)),
        201,
      );
    },
  );
  for (const verb of ['publish', 'withdraw'] as const) {
    r.post(
      `/notices/:id/${verb}`,
      {
        summary: verb === 'publish' ? '发布公示批次' : '撤回公示批次',
        access: office,
        params: idParamsSchema,
        response: z.array(officeNoticeBatchSchema),
      },
      async (c, { params }) => {
        await setNoticeBatchState(c.get('deps'), params.id, verb, userOf(c), c.get('ip'));
        return c.json(await listNoticeBatches(c.get('deps'), classes, userOf(c)));
      },
    );
  }
  r.get(
    '/objections',
    { summary: '异议受理队列', access: office, response: z.array(officeObjectionSchema) },
    async (c) => c.json(await listObjections(c.get('deps'), userOf(c))),
  );
  r.post(
    '/objections/:id/answer',
    {
      summary: '答复异议',
      access: office,
      params: idParamsSchema,
      body: answerObjectionSchema,
      response: officeObjectionSchema,
    },
    async (c, { params, body }) =>
      c.json(await answerObjection(c.get('deps'), params.id, body.answer, userOf(c), c.get('ip'))),
  );
  return r;
}
