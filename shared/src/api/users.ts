import { z } from 'zod';
import { passwordProblem } from '../password-policy';
import { roleSchema, sessionUserSchema } from './session';

/** The policy without the username check, which needs the user (createUserSchema adds it; the server checks resets). */
export const passwordSchema = z.string().superRefine((pw, ctx) => {
  const problem = passwordProblem(pw);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

export const createUserSchema = z
  .object({
    username: z.string().regex(/^[A-Za-z0-9_.-]{3,32}$/, '用户名为 3–32 位字母、数字、下划线、点或连字符'),
    displayName: z.string().min(1).max(64).optional(),
    password: passwordSchema,
    role: roleSchema,
    department: z.string().nullable().optional(),
    county: z.string().nullable().optional(),
  })
  .superRefine((u, ctx) => {
    // passwordSchema has reported any other problem already; this adds only the username one.
    const problem = passwordProblem(u.password) ? null : passwordProblem(u.password, u.username);
    if (problem) ctx.addIssue({ code: 'custom', path: ['password'], message: problem });
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
  /** The last successful login (from the audit log), null when never. */
  lastLoginAt: z.string().nullable(),
});
export type User = z.infer<typeof userSchema>;
