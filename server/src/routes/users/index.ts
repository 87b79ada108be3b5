import { z } from 'zod';
import { createUserSchema, updateUserSchema, userSchema } from '@lz/shared/api/users';
import { allow, defineRoutes, userOf } from '../../http/define-routes';
import { createUser, listUsers, updateUser } from '../../services/auth/users';

const userParams = z.object({ id: z.coerce.number().int() });

export function userRoutes() {
  const r = defineRoutes('/api/users');
  r.get('/', { summary: '用户列表', access: allow('admin'), response: z.array(userSchema) }, async (c) =>
    c.json(await listUsers(c.get('deps'))),
  );
  r.post(
    '/',
    { summary: '新建用户', access: allow('admin'), body: createUserSchema, response: userSchema },
    async (c, { body }) => c.json(await createUser(c.get('deps'), body, userOf(c).username, c.get('ip')), 201),
  );
  r.patch(
    '/:id',
    {
      summary: '修改用户（停用、重置密码、角色与绑定）',
      access: allow('admin'),
      params: userParams,
      body: updateUserSchema,
      response: userSchema,
    },
    async (c, { body, params }) =>
      c.json(await updateUser(c.get('deps'), params.id, body, userOf(c).username, c.get('ip'))),
  );
  return r;
}
