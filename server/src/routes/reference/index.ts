/** Read-only reference data of the campaign (public: it is the published plan). */
import { z } from 'zod';
import {
  campaignSchema,
  catalogueSchema,
  departmentSchema,
  indicatorEntries,
  indicatorEntrySchema,
  targetSchema,
  unitSchema,
} from '@lz/shared/catalogue';
import { clockSchema } from '@lz/shared/api/clock';
import { okSchema } from '@lz/shared/api/ok';
import { defineRoutes, PUBLIC } from '../../http/define-routes';
import { checkHealth } from '../../services/health';

export function referenceRoutes() {
  const r = defineRoutes('/api');
  r.get('/health', { summary: '健康检查', access: PUBLIC, response: okSchema }, async (c) =>
    c.json(await checkHealth(c.get('deps'))),
  );
  r.get(
    '/clock',
    {
      summary: '服务器当前时间（演示安装为演示时钟：行动期内的日期，按真实速度前进）',
      access: PUBLIC,
      response: clockSchema,
    },
    (c) => {
      const clock = c.get('deps').clock;
      return c.json({ now: clock.now().toISOString(), demo: clock.demo === true });
    },
  );
  r.get(
    '/catalogue',
    {
      summary: '全部参考数据（行动、县区、责任单位、指标目录与规则、目标），网页一次取得',
      access: PUBLIC,
      response: catalogueSchema,
    },
    (c) => c.json(c.get('deps').catalogue),
  );
  r.get('/campaign', { summary: '行动基本信息（期间、截止日规则）', access: PUBLIC, response: campaignSchema }, (c) =>
    c.json(c.get('deps').catalogue.campaign),
  );
  r.get('/units', { summary: '县区级单位', access: PUBLIC, response: z.array(unitSchema) }, (c) =>
    c.json(c.get('deps').catalogue.units),
  );
  r.get(
    '/departments',
    { summary: '责任单位（owesReports: 是否须报送月报）', access: PUBLIC, response: z.array(departmentSchema) },
    (c) => c.json(c.get('deps').catalogue.departments),
  );
  r.get(
    '/indicators',
    { summary: '指标目录（报表列，含分组名 groupName）', access: PUBLIC, response: z.array(indicatorEntrySchema) },
    (c) => c.json(indicatorEntries(c.get('deps').catalogue)),
  );
  r.get('/targets', { summary: '行动目标', access: PUBLIC, response: z.array(targetSchema) }, (c) =>
    c.json(c.get('deps').catalogue.targets),
  );
  return r;
}
