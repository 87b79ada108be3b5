import { z } from 'zod';
import { roleSchema, sessionUserSchema } from './session';

export const passwordSchema = z.string().min(10, '密码至少 10 位').max(256);

export const createUserSchema = z.object({
  username: z.string().regex(/^[A-Za-z0-9_.-]{3,32}$/, '用户名为 3–32 位字母、数字、下划线、点或连字符'),
  displayName: z.string().min(1).max(64).optional(),
  password: passwordSchema,
  role: roleSchema,
  department: z.string().nullable().optional(),
  county: z.string().nullable().optional(),
});
export type CreateUser = z.infer<typeof createUserSchema>;

export const updateUserSchema = z
  .object({
    displayName: z.string().min(1).max(64),
    password: passwordSchema,
    role: roleSchema,
    department: z.string().nullable(),
    county: z.string().nullable(),
    disabled: z.boolean(),
  })
  .partial();
export type UpdateUser = z.infer<typeof updateUserSchema>;

export const userSchema = sessionUserSchema.extend({
  disabled: z.boolean(),
  createdAt: z.string(),
  lockedUntil: z.string().nullable(),
});
export type User = z.infer<typeof userSchema>;
