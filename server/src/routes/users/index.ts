import { z } from 'zod';
import { createUserSchema, updateUserSchema, userSchema } from '@lz/shared/api/users';
import { allow, defineRoutes, userOf } from '../../http/define-routes';
import { parseJson } from '../../http/parse-input';
import { createUser, listUsers, updateUser } from '../../services/auth/users';
import { badRequest } from '../../errors';

export function userRoutes() {
  const r = defineRoutes('/api/users');
  r.get('/', { summary: '用户列表', access: allow('admin'), response: z.array(userSchema) }, (c) =>
    c.json(listUsers(c.get('deps'))),
  );
  r.post(
    '/',
    { summary: '新建用户', access: allow('admin'), body: createUserSchema, response: userSchema },
    async (c) => {
      const input = await parseJson(c, createUserSchema);
      return c.json(await createUser(c.get('deps'), input, userOf(c).username, c.get('ip')), 201);
    },
  );
  r.patch(
    '/:id',
    {
      summary: '修改用户（停用、重置密码、角色与绑定）',
      access: allow('admin'),
      body: updateUserSchema,
      response: userSchema,
    },
    async (c) => {
      const id = Number(c.req.param('id'));
      if (!Number.isInteger(id)) throw badRequest('用户 id 无效');
      const patch = await parseJson(c, updateUserSchema);
      return c.json(await updateUser(c.get('deps'), id, patch, userOf(c).username, c.get('ip')));
    },
  );
  return r.app;
}
