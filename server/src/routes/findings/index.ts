import { z } from 'zod';
import { closeFindingSchema, createFindingSchema, findingResponseSchema, findingSchema } from '@lz/shared/api/findings';
import { allow, defineRoutes, userOf } from '../../http/define-routes';
import { closeFinding, createFinding, listFindings, respondToFinding } from '../../services/findings';

const findingParams = z.object({ id: z.coerce.number().int() });

export function findingRoutes() {
  const r = defineRoutes('/api/findings');
  r.get(
    '/',
    {
      summary: '督查发现问题清单（县区用户只见本县区的）',
      access: allow('admin', 'leader', 'inspector', 'county'),
      response: z.array(findingSchema),
    },
    async (c) => c.json(await listFindings(c.get('deps'), userOf(c))),
  );
  r.post(
    '/',
    {
      summary: '记录督查发现的问题',
      access: allow('inspector', 'admin'),
      body: createFindingSchema,
      response: findingSchema,
    },
    async (c, { body }) => c.json(await createFinding(c.get('deps'), body, userOf(c), c.get('ip')), 201),
  );
  r.post(
    '/:id/close',
    {
      summary: '整改完成销号',
      access: allow('inspector', 'admin'),
      params: findingParams,
      body: closeFindingSchema,
      response: findingSchema,
    },
    async (c, { body, params }) =>
      c.json(await closeFinding(c.get('deps'), params.id, body.closingNote, userOf(c), c.get('ip'))),
  );
  r.post(
    '/:id/response',
    {
      summary: '县区答复整改情况（整改说明）',
      access: allow('county'),
      params: findingParams,
      body: findingResponseSchema,
      response: findingSchema,
    },
    async (c, { body, params }) =>
      c.json(await respondToFinding(c.get('deps'), params.id, body.response, userOf(c), c.get('ip'))),
  );
  return r;
}
