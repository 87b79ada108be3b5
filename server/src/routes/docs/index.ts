/** The OpenAPI document, built from the declared routes and their zod schemas, and a page to browse it offline. */
import { z, type ZodType } from 'zod';
import { declaredRoutes, defineRoutes, PUBLIC, type DeclaredRoute } from '../../http/define-routes';

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

export function buildOpenApi() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of declaredRoutes) {
    const path = r.path.replace(/:([A-Za-z]+)/g, '{$1}');
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
    (paths[path] ??= {})[r.method.toLowerCase()] = {
      summary: r.summary,
      description: `权限: ${accessText(r)}`,
      'x-roles': r.access.kind === 'public' ? 'public' : r.access.roles,
      parameters: [...params, ...queryParams],
      ...(r.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: schemaOf(r.body) } } } }
        : {}),
      ...(r.multipart
        ? {
            requestBody: {
              required: true,
              content: {
                'multipart/form-data': {
                  schema: {
                    type: 'object',
                    properties: { file: { type: 'string', format: 'binary' }, submittedAt: { type: 'string' } },
                  },
                },
              },
            },
          }
        : {}),
      responses: {
        '200': {
          description: 'OK',
          content: { [r.produces ?? 'application/json']: r.response ? { schema: schemaOf(r.response) } : {} },
        },
        default: { description: '{ error: { code, message, details } }' },
      },
    };
  }
  return { openapi: '3.1.0', info: { title: '柳州市职业技能提升行动统计监测平台 API', version: '1.0.0' }, paths };
}

const escape = (s: string) =>
  s.replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch] ?? ch);

export function docsRoutes() {
  const r = defineRoutes('/api');
  r.get('/openapi.json', { summary: 'OpenAPI 文档', access: PUBLIC }, (c) => c.json(buildOpenApi()));
  r.get('/docs', { summary: 'API 文档浏览页', access: PUBLIC, produces: 'text/html' }, (c) => {
    const rows = declaredRoutes
      .map(
        (d) =>
          `<tr><td><code>${d.method}</code></td><td><code>${escape(d.path)}</code></td><td>${escape(d.summary)}</td><td>${escape(accessText(d))}</td></tr>`,
      )
      .join('');
    return c.html(
      `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>API 文档</title>` +
        `<style>body{font-family:sans-serif;margin:24px}table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:4px 8px;text-align:left}</style></head>` +
        `<body><h1>柳州市职业技能提升行动统计监测平台 API</h1><p>机器可读文档: <a href="/api/openapi.json">/api/openapi.json</a>。` +
        `错误统一为 <code>{ error: { code, message, details } }</code>。</p>` +
        `<table><thead><tr><th>方法</th><th>路径</th><th>说明</th><th>权限</th></tr></thead><tbody>${rows}</tbody></table></body></html>`,
    );
  });
  return r.app;
}
