import { z } from 'zod';
import { closeFindingSchema, createFindingSchema, findingSchema } from '@lz/shared/api/findings';
import { allow, defineRoutes, userOf } from '../../http/define-routes';
import { parseJson } from '../../http/parse-input';
import { badRequest } from '../../errors';
import { closeFinding, createFinding, listFindings } from '../../services/findings';

export function findingRoutes() {
  const r = defineRoutes('/api/findings');
  r.get(
    '/',
    { summary: '督查发现问题清单', access: allow('admin', 'leader', 'inspector'), response: z.array(findingSchema) },
    (c) => c.json(listFindings(c.get('deps'))),
  );
  r.post(
    '/',
    {
      summary: '记录督查发现的问题',
      access: allow('inspector', 'admin'),
      body: createFindingSchema,
      response: findingSchema,
    },
    async (c) => {
      const input = await parseJson(c, createFindingSchema);
      return c.json(createFinding(c.get('deps'), input, userOf(c), c.get('ip')), 201);
    },
  );
  r.post(
    '/:id/close',
    { summary: '整改完成销号', access: allow('inspector', 'admin'), body: closeFindingSchema, response: findingSchema },
    async (c) => {
      const id = Number(c.req.param('id'));
      if (!Number.isInteger(id)) throw badRequest('记录 id 无效');
      const { closingNote } = await parseJson(c, closeFindingSchema);
      return c.json(closeFinding(c.get('deps'), id, closingNote, userOf(c), c.get('ip')));
    },
  );
  return r.app;
}
