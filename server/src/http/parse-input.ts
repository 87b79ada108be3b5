/** Reading a request's declared input (JSON body, query, path, upload) with errors in the API's one shape. */
import type { Context } from 'hono';
import type { ZodType, z } from 'zod';
import type { Problem } from '@lz/shared/problems';
import { AppError, badRequest } from '../errors';

/** A multipart upload: the file's field name and the text fields that may come with it. */
export interface FileField<Text extends string = string> {
  name: string;
  text?: readonly Text[];
}

function issuesToProblems(error: z.ZodError): Problem[] {
  return error.issues.map((i) => ({
    county: null,
    indicator: null,
    rule: i.code,
    message: `${i.path.join('.') || '(body)'}: ${i.message}`,
  }));
}

function check<T extends ZodType>(schema: T, raw: unknown, message: string, code: string): z.infer<T> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw badRequest(message, code, issuesToProblems(parsed.error));
  return parsed.data;
}

export async function readJson<T extends ZodType>(c: Context, schema: T): Promise<z.infer<T>> {
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
  return check(schema, raw, '请求内容不符合要求', 'invalid_body');
}

export function readQuery<T extends ZodType>(c: Context, schema: T): z.infer<T> {
  return check(schema, c.req.query(), '查询参数不符合要求', 'invalid_query');
}

export function readParams<T extends ZodType>(c: Context, schema: T): z.infer<T> {
  return check(schema, c.req.param(), '路径参数无效', 'bad_request');
}

/** The uploaded file and its text fields (an empty text field counts as absent). */
export async function readUpload<Text extends string>(
  c: Context,
  spec: FileField<Text>,
): Promise<{ file: File; fields: Partial<Record<Text, string>> }> {
  const hint = `请以 multipart/form-data 上传，字段名为 ${spec.name}`;
  if (!(c.req.header('content-type') ?? '').startsWith('multipart/form-data'))
    throw badRequest(hint, 'multipart_required');
  const form = await c.req.parseBody();
  const file = form[spec.name];
  if (!(file instanceof File)) throw badRequest(`缺少上传文件（字段名 ${spec.name}）`, 'file_missing');
  const fields: Partial<Record<Text, string>> = {};
  for (const name of spec.text ?? []) {
    const value = form[name];
    if (typeof value === 'string' && value !== '') fields[name] = value;
  }
  return { file, fields };
}
