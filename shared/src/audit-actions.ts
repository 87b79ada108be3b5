/** The audit log in words people use: each recorded action's Chinese name, and a before/after as field changes. */

export const auditActionNames: Record<string, string> = {
  'session.login': '登录',
  'session.login_failed': '登录失败',
  'session.logout': '退出登录',
  'report.submit': '报送',
  'report.import': '导入',
  'report.accept': '审核通过',
  'report.return': '退回',
  'report.unlock': '解锁',
  'report.remind': '催报',
  'allocation.update': '分解目标',
  'target.split': '年度分解',
  'finding.create': '记录督查问题',
  'finding.close': '关闭督查问题',
  'user.create': '新建用户',
  'user.update': '修改用户',
  'user.update.password': '重置密码',
};

/** The Chinese name of an action; an action this map does not know yet shows as its code. */
export function auditActionName(action: string): string {
  return auditActionNames[action] ?? action;
}

/** Field names of audited records, for the diff. */
const fieldNames: Record<string, string> = {
  status: '状态',
  version: '版本',
  reason: '原因',
  role: '角色',
  department: '责任单位',
  county: '县区',
  disabled: '停用',
  displayName: '姓名',
  value: '数值',
  note: '备注',
  rows: '行数',
  reports: '报表数',
};

export interface AuditChange {
  field: string;
  label: string;
  before: string;
  after: string;
}

const text = (v: unknown): string =>
  v === undefined || v === null ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v);

/** The fields that differ between before and after (a value alone counts as field `value`), in key order. */
export function auditChanges(before: unknown, after: unknown): AuditChange[] {
  const asRecord = (v: unknown): Record<string, unknown> =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? (v as Record<string, unknown>)
      : v == null
        ? {}
        : { value: v };
  const b = asRecord(before);
  const a = asRecord(after);
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys
    .filter((k) => text(b[k]) !== text(a[k]))
    .map((k) => ({ field: k, label: fieldNames[k] ?? k, before: text(b[k]), after: text(a[k]) }));
}
