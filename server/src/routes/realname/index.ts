/** 实名制 (#15): rosters, flags, person lookup, reconciliation and the training catalogues. */
import { z } from 'zod';
import {
  createInstitutionSchema,
  flagQuerySchema,
  institutionSchema,
  patchInstitutionSchema,
  patchTrainingProjectSchema,
  personLookupResultSchema,
  personLookupSchema,
  reconciliationQuerySchema,
  reconciliationSchema,
  reconciliationSummaryQuerySchema,
  reconciliationSummaryRowSchema,
  resolveFlagSchema,
  rosterCreatedSchema,
  rosterDetailSchema,
  rosterInputSchema,
  rosterListQuerySchema,
  rosterPageSchema,
  rosterSummarySchema,
  storedFlagSchema,
  trainingProjectItemSchema,
  withdrawRosterSchema,
} from '@lz/shared/api/rosters';
import { ANY_USER, allow, defineRoutes, userOf, type RouteGroup } from '../../http/define-routes';
import { MAX_UPLOAD_BYTES } from '../../import/parse-report-file';
import { fileRosterJson, fileRosterUpload } from '../../services/realname/file-roster';
import { listFlags, resolveFlag } from '../../services/realname/flags';
import {
  createInstitution,
  listInstitutions,
  listTrainingProjects,
  patchInstitution,
} from '../../services/realname/institutions';
import { lookUpPerson } from '../../services/realname/person-lookup';
import { getRoster, listRosters, withdrawRoster } from '../../services/realname/read-rosters';
import { getReconciliation, getReconciliationSummary } from '../../services/realname/reconciliation';
import { patchTrainingProject } from '../../services/realname/training-projects';

const idParams = z.object({ id: z.coerce.number().int().positive() });
/** Room for the multipart envelope around a file at its size limit. */
const ENVELOPE = 64 * 1024;
const FILERS = allow('admin', 'reporter');
const ROSTER_READERS = allow('admin', 'inspector', 'reporter', 'county');
const INSPECTORS = allow('admin', 'inspector');

function rosterRoutes() {
  const r = defineRoutes('/api/rosters');
  r.post(
    '/file',
    {
      summary: '上传培训花名册（.xlsx / .xls / .csv，字段 file；管理员加 department）',
      access: FILERS,
      file: { name: 'file', text: ['department'] },
      bodyLimit: MAX_UPLOAD_BYTES + ENVELOPE,
      response: rosterCreatedSchema,
    },
    async (c, { file, fields }) => {
      const filing = { actor: userOf(c), department: fields.department, ip: c.get('ip') };
      return c.json(await fileRosterUpload(c.get('deps'), file, filing), 201);
    },
  );
  r.post(
    '/',
    {
      summary: '报送培训花名册（JSON：class 与 trainees）',
      access: FILERS,
      body: rosterInputSchema,
      bodyLimit: 4 * 1024 * 1024,
      response: rosterCreatedSchema,
    },
    async (c, { body }) => {
      const filing = { actor: userOf(c), department: body.class.department, ip: c.get('ip') };
      return c.json(await fileRosterJson(c.get('deps'), body, filing), 201);
    },
  );
  r.get(
    '/',
    {
      summary: '培训花名册（分页；填报员见本单位，县区用户见本县区）',
      access: ROSTER_READERS,
      query: rosterListQuerySchema,
      response: rosterPageSchema,
    },
    async (c, { query }) => c.json(await listRosters(c.get('deps'), userOf(c), query)),
  );
  r.get(
    '/:id',
    {
      summary: '一个培训班及其学员（脱敏）与疑点',
      access: ROSTER_READERS,
      params: idParams,
      response: rosterDetailSchema,
    },
    async (c, { params }) => c.json(await getRoster(c.get('deps'), userOf(c), params.id)),
  );
  r.post(
    '/:id/withdraw',
    {
      summary: '撤回花名册（保留记录，不再计入）',
      access: FILERS,
      params: idParams,
      body: withdrawRosterSchema,
      response: rosterSummarySchema,
    },
    async (c, { params, body }) =>
      c.json(await withdrawRoster(c.get('deps'), userOf(c), params.id, body.reason, c.get('ip'))),
  );
  return r;
}

function flagRoutes() {
  const r = defineRoutes('/api/flags');
  r.get(
    '/',
    { summary: '虚假培训疑点清单', access: INSPECTORS, query: flagQuerySchema, response: z.array(storedFlagSchema) },
    async (c, { query }) => c.json(await listFlags(c.get('deps'), userOf(c), query)),
  );
  r.post(
    '/:id/resolve',
    {
      summary: '认定疑点（confirm 转为督查问题，dismiss 排除）',
      access: INSPECTORS,
      params: idParams,
      body: resolveFlagSchema,
      response: storedFlagSchema,
    },
    async (c, { params, body }) => c.json(await resolveFlag(c.get('deps'), userOf(c), params.id, body, c.get('ip'))),
  );
  return r;
}

function peopleRoutes() {
  const r = defineRoutes('/api/people');
  r.post(
    '/lookup',
    {
      summary: '按身份证号查询个人培训记录（号码只出现在请求体中，答复脱敏，查询留痕）',
      access: INSPECTORS,
      body: personLookupSchema,
      response: personLookupResultSchema,
    },
    async (c, { body }) => c.json(await lookUpPerson(c.get('deps'), userOf(c), body.idNumber, c.get('ip'))),
  );
  return r;
}

function reconciliationRoutes() {
  const r = defineRoutes('/api/reconciliation');
  r.get(
    '/',
    {
      summary: '花名册与月报核对（按县区 × 指标）',
      access: allow('admin', 'leader', 'inspector', 'reporter'),
      query: reconciliationQuerySchema,
      response: reconciliationSchema,
    },
    async (c, { query }) => c.json(await getReconciliation(c.get('deps'), userOf(c), query)),
  );
  r.get(
    '/summary',
    {
      summary: '花名册与月报核对汇总（一个月份的各责任单位：花名册、月报、差额、覆盖率）',
      access: allow('admin', 'leader', 'inspector', 'reporter'),
      query: reconciliationSummaryQuerySchema,
      response: z.array(reconciliationSummaryRowSchema),
    },
    async (c, { query }) => c.json(await getReconciliationSummary(c.get('deps'), userOf(c), query)),
  );
  return r;
}

function catalogueRoutes() {
  const institutions = defineRoutes('/api/institutions');
  institutions.get(
    '/',
    { summary: '培训机构目录', access: ANY_USER, response: z.array(institutionSchema) },
    async (c) => c.json(await listInstitutions(c.get('deps'))),
  );
  institutions.post(
    '/',
    { summary: '新增培训机构', access: allow('admin'), body: createInstitutionSchema, response: institutionSchema },
    async (c, { body }) => c.json(await createInstitution(c.get('deps'), body, userOf(c), c.get('ip')), 201),
  );
  institutions.patch(
    '/:id',
    {
      summary: '修改培训机构（含暂停、注销及其生效日期 statusSince）',
      access: allow('admin'),
      params: idParams,
      body: patchInstitutionSchema,
      response: institutionSchema,
    },
    async (c, { params, body }) =>
      c.json(await patchInstitution(c.get('deps'), params.id, body, userOf(c), c.get('ip'))),
  );
  const projects = defineRoutes('/api/training-projects');
  projects.get(
    '/',
    {
      summary: '培训项目目录（职业、等级、补贴标准、最低课时）',
      access: ANY_USER,
      response: z.array(trainingProjectItemSchema),
    },
    async (c) => c.json(await listTrainingProjects(c.get('deps'))),
  );
  projects.patch(
    '/:id',
    {
      summary: '修改培训项目（补贴标准、最低课时、职业名称与代码）',
      access: allow('admin'),
      params: idParams,
      body: patchTrainingProjectSchema,
      response: trainingProjectItemSchema,
    },
    async (c, { params, body }) =>
      c.json(await patchTrainingProject(c.get('deps'), params.id, body, userOf(c), c.get('ip'))),
  );
  return [institutions, projects];
}

export function realnameRoutes(): RouteGroup[] {
  return [rosterRoutes(), flagRoutes(), peopleRoutes(), reconciliationRoutes(), ...catalogueRoutes()];
}
