import { describe, expect, it } from 'vitest';
import { auditActionName, auditActionNames, auditChanges } from '../src/audit-actions';

describe('audit actions for people', () => {
  it('names every action in Chinese, and shows an unknown one as its code', () => {
    expect(auditActionName('session.login')).toBe('登录');
    expect(auditActionName('session.login_failed')).toBe('登录失败');
    expect(auditActionName('report.return')).toBe('退回');
    expect(auditActionName('report.unlock')).toBe('解锁');
    expect(auditActionName('allocation.update')).toBe('分解目标');
    expect(auditActionName('something.new')).toBe('something.new');
    for (const name of Object.values(auditActionNames)) expect(name).toMatch(/[\u4e00-\u9fff]/);
  });
  it('shows before/after as the fields that changed, with their names', () => {
    expect(
      auditChanges({ status: 'submitted', version: 2 }, { status: 'returned', version: 2, reason: '合计不符' }),
    ).toEqual([
      { field: 'status', label: '状态', before: 'submitted', after: 'returned' },
      { field: 'reason', label: '原因', before: '—', after: '合计不符' },
    ]);
    expect(auditChanges(null, 5)).toEqual([{ field: 'value', label: '数值', before: '—', after: '5' }]);
    expect(auditChanges(null, null)).toEqual([]);
  });
});
