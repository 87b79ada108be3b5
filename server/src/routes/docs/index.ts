/** The OpenAPI document, built from the app's declared routes and their zod schemas, and a page to browse it. */
import { type ZodType, z } from 'zod';
import { openApiDocumentSchema } from '@lz/shared/api/openapi';
import { type DeclaredRoute, defineRoutes, PUBLIC } from '../../http/define-routes';

function schemaOf(s: ZodType | undefined): unknown {
  if (!s) return undefined;
  try {
    return z.toJSONSchema(s, { unrepresentable: 'any', io: 'input' });
  } catch {
    return {};
  }
}

function accessText(r: DeclaredRoute): string {
  return r.access.kind === 'public' ? '公开' : r.access.roles.join(', ');
}

function requestBodyOf(r: DeclaredRoute) {
  if (r.body) return { required: true, content: { 'application/json': { schema: schemaOf(r.body) } } };
  if (!r.file) return undefined;
  const text = Object.fromEntries((r.file.text ?? []).map((name) => [name, { type: 'string' }]));
  const properties = { [r.file.name]: { type: 'string', format: 'binary' }, ...text };
  return { required: true, content: { 'multipart/form-data': { schema: { type: 'object', properties } } } };
}

function operationOf(r: DeclaredRoute) {
  const params = [...r.path.matchAll(/:([A-Za-z]+)/g)].map((m) => ({
    name: m[1],
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
  const query = r.query ? (schemaOf(r.query) as { properties?: Record<string, unknown> }) : undefined;
  const queryParams = Object.entries(query?.properties ?? {}).map(([name, schema]) => ({
    name,
    in: 'query',
    required: false,
    schema,
  }));
  const requestBody = requestBodyOf(r);
  return {
    summary: r.summary,
    description: `权限: ${accessText(r)}`,
    'x-roles': r.access.kind === 'public' ? 'public' : r.access.roles,
    parameters: [...params, ...queryParams],
    ...(requestBody ? { requestBody } : {}),
    responses: {
      '200': {
        description: 'OK',
        content: { [r.produces ?? 'application/json']: r.response ? { schema: schemaOf(r.response) } : {} },
      },
      default: { description: '{ error: { code, message, details } }' },
    },
  };
}

export function buildOpenApi(routes: readonly DeclaredRoute[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const path = r.path.replace(/:([A-Za-z]+)/g, '{$1}');
    paths[path] = { ...paths[path], [r.method.toLowerCase()]: operationOf(r) };
  }
  return { openapi: '3.1.0', info: { title: '柳州市职业技能提升行动统计监测平台 API', version: '1.0.0' }, paths };
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch] ?? ch);

const STYLE =
  'body{font-family:sans-serif;margin:24px}table{border-collapse:collapse}' +
  'td,th{border:1px solid #ddd;padding:4px 8px;text-align:left}';

function docsPage(routes: readonly DeclaredRoute[]): string {
  const cell = (html: string) => `<td>${html}</td>`;
  const rows = routes
    .map(
      (d) =>
        `<tr>${cell(`<code>${d.method}</code>`)}${cell(`<code>${escapeHtml(d.path)}</code>`)}` +
        `${cell(escapeHtml(d.summary))}${cell(escapeHtml(accessText(d)))}</tr>`,
    )
    .join('');
  return (
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>API 文档</title>` +
    `<style>${STYLE}</style></head>` +
    `<body><h1>柳州市职业技能提升行动统计监测平台 API</h1>` +
    `<p>机器可读文档: <a href="/api/openapi.json">/api/openapi.json</a>。` +
    `错误统一为 <code>{ error: { code, message, details } }</code>。</p>` +
    `<table><thead><tr><th>方法</th><th>路径</th><th>说明</th><th>权限</th></tr></thead>` +
    `<tbody>${rows}</tbody></table></body></html>`
  );
}

/** `routes` is the list of the app that mounts this group; it is read on each request, so it may fill later. */
export function docsRoutes(routes: readonly DeclaredRoute[]) {
  const r = defineRoutes('/api');
  r.get('/openapi.json', { summary: 'OpenAPI 文档', access: PUBLIC, response: openApiDocumentSchema }, (c) =>
    c.json(buildOpenApi(routes)),
  );
  r.get('/docs', { summary: 'API 文档浏览页', access: PUBLIC, produces: 'text/html' }, (c) => c.html(docsPage(routes)));
  return r;
}
