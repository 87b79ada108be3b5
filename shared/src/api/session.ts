import { z } from 'zod';

export const roles = ['admin', 'leader', 'reporter', 'inspector', 'county'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

export const roleNames: Record<Role, string> = {
  admin: '统计管理员',
  leader: '市领导',
  reporter: '填报员',
  inspector: '督查员',
  county: '县区用户',
};

export const loginSchema = z.object({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(256),
});

export const sessionUserSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  department: z.string().nullable(),
  county: z.string().nullable(),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

export const sessionSchema = z.object({ user: sessionUserSchema, expiresAt: z.string() });
export type Session = z.infer<typeof sessionSchema>;
