import { z } from 'zod';

/** One broken rule or one warning, located by county row and indicator column where it has one. */
export const problemSchema = z.object({
  county: z.string().nullable(),
  indicator: z.string().nullable(),
  rule: z.string(),
  message: z.string(),
  /** Where in an uploaded file the problem sits, e.g. "D7", when it came from a file. */
  cell: z.string().optional(),
});
export type Problem = z.infer<typeof problemSchema>;
