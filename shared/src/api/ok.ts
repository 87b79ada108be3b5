import { z } from 'zod';

/** The answer of an action that returns nothing else (health check, sign-out). */
export const okSchema = z.object({ ok: z.literal(true) });
