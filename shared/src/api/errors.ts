import { z } from 'zod';
import { problemSchema } from '../problems';

/** Every failure the API returns has this shape; `details` lists each problem for 422. */
export const apiErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(problemSchema).optional(),
  }),
});
export type ApiError = z.infer<typeof apiErrorSchema>;
