import { z } from 'zod';

/**
 * The server's "now". A demo installation runs on its own clock inside the campaign window (issue #13
 * point 16), so the web shows which day it is playing rather than the real date.
 */
export const clockSchema = z.object({ now: z.string(), demo: z.boolean() });
export type ClockInfo = z.infer<typeof clockSchema>;
