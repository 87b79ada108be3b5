/** zod validation of bodies and queries, with errors in the API's one shape. */
import type { Context } from 'hono';
import type { z, ZodType } from 'zod';
import type { Problem } from '@lz/shared/problems';
import { AppError, badRequest } from '../errors';

function issuesToProblems(error: z.ZodError): Problem[] {
  return error.issues.map((i) => ({
    county: null,
    indicator: null,
    rule: i.code,
    message: `${i.path.join('.') || '(body)'}: ${i.message}`,
  }));
}

export async function parseJson<T extends ZodType>(c: Context, schema: T): Promise<z.infer<T>> {
  const type = c.req.header('content-type') ?? '';
  // JSON only where JSON is expected: a cross-site form cannot send application/json without a preflight.
  if (!type.toLowerCase().startsWith('application/json'))
    throw new AppError(415, 'unsupported_media_type', '请求体应为 application/json');
  let text: string;
  try {
    // fatal: invalid UTF-8 is refused rather than stored as U+FFFD in someone's name or reason.
    text = new TextDecoder('utf-8', { fatal: true }).decode(await c.req.arrayBuffer());
  } catch {
    throw badRequest('请求体不是有效的 UTF-8 编码', 'invalid_utf8');
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw badRequest('请求体不是有效的 JSON', 'invalid_json');
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw badRequest('请求内容不符合要求', 'invalid_body', issuesToProblems(parsed.error));
  return parsed.data;
}

export function parseQuery<T extends ZodType>(c: Context, schema: T): z.infer<T> {
  const parsed = schema.safeParse(c.req.query());
  if (!parsed.success) throw badRequest('查询参数不符合要求', 'invalid_query', issuesToProblems(parsed.error));
  return parsed.data;
}
