import { z } from 'zod';

/** GET /api/openapi.json: an OpenAPI 3.1 document; each operation's content is left to the OpenAPI schema. */
export const openApiDocumentSchema = z.object({
  openapi: z.string(),
  info: z.object({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.record(z.string(), z.unknown())),
});
