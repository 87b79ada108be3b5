import { roleNames } from '@lz/shared/api/session';
import type { User } from '@lz/shared/api/users';
import { passwordPolicyText } from '@lz/shared/password-policy';
import { message as antMessage, Button, Form, Input, Modal, Popconfirm, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { PageToolbar } from '../../../components/page-toolbar';
import { QueryPanel } from '../../../components/query-panel';
import { formatDateTime } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n/i18n';
import { useDepartments } from '../../reference/api/get-departments';
import { useUnits } from '../../reference/api/get-units';
import { useUser } from '../../session/api/get-session';
import { useUsers } from '../api/get-users';
import { useUpdateUser } from '../api/update-user';
import { checkPassword } from './password-rule';
import { UserForm } from './user-form';

export function UsersPage() {
  const { t, lang } = useI18n();
  const [toast, toastHolder] = antMessage.useMessage();
  const me = useUser();
  const users = useUsers();
  const departments = useDepartments();
  const units = useUnits();
  const update = useUpdateUser();
  const [editing, setEditing] = useState<User | null | 'new'>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const [pwForm] = Form.useForm<{ password: string }>();
  const deptName = new Map((departments.data ?? []).map((d) => [d.code, d.name]));
  const unitName = new Map((units.data ?? []).map((u) => [u.code, u.name]));
  const ok = () => toast.success(lang === 'zh' ? '已保存' : 'Saved');
  const fail = (e: Error) => toast.error(e.message);

  return (
    <>
      {toastHolder}
      <PageToolbar title={t('navUsers')}>
        <Button type="primary" onClick={() => setEditing('new')} data-testid="user-create">
          {t('create')}
        </Button>
      </PageToolbar>
      <QueryPanel query={users} isEmpty={(u) => u.length === 0} testId="users-table">
        {(list) => (
          <Table<User>
            rowKey="id"
            size="small"
            dataSource={list}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            scroll={{ x: 'max-content' }}
            columns={[
              { title: t('username'), dataIndex: 'username', sorter: (a, b) => a.username.localeCompare(b.username) },
              { title: lang === 'zh' ? '显示名' : 'Name', dataIndex: 'displayName' },
              {
                title: lang === 'zh' ? '角色' : 'Role',
                dataIndex: 'role',
                filters: Object.entries(roleNames).map(([value, text]) => ({ value, text })),
                onFilter: (v, r) => r.role === v,
                render: (r: User['role']) => (lang === 'zh' ? roleNames[r] : r),
              },
              {
                title: lang === 'zh' ? '绑定' : 'Binding',
                key: 'b',
                render: (_, u) =>
                  u.department
                    ? (deptName.get(u.department) ?? u.department)
                    : u.county
                      ? (unitName.get(u.county) ?? u.county)
                      : '—',
              },
              {
                title: t('status'),
                key: 's',
                render: (_, u) =>
                  u.disabled ? (
                    <Tag color="red">{lang === 'zh' ? '已停用' : 'Disabled'}</Tag>
                  ) : u.lockedUntil ? (
                    <Tag color="orange">{lang === 'zh' ? '临时锁定' : 'Locked'}</Tag>
                  ) : (
                    <Tag color="green">{lang === 'zh' ? '正常' : 'Active'}</Tag>
                  ),
              },
              {
                title: lang === 'zh' ? '创建时间' : 'Created',
                dataIndex: 'createdAt',
                render: formatDateTime,
                responsive: ['lg'],
              },
              {
                title: t('actions'),
                key: 'a',
                render: (_, u) => (
                  <Space size="small" wrap>
                    <Button size="small" onClick={() => setEditing(u)}>
                      {t('edit')}
                    </Button>
                    <Button size="small" onClick={() => setResetting(u)}>
                      {lang === 'zh' ? '重置密码' : 'Reset password'}
                    </Button>
                    {u.id !== me.id && (
                      <Popconfirm
                        title={
                          u.disabled
                            ? lang === 'zh'
                              ? '启用该用户？'
                              : 'Enable?'
                            : lang === 'zh'
                              ? '停用该用户？'
                              : 'Disable?'
                        }
                        onConfirm={() =>
                          update.mutate(
                            { id: u.id, patch: { disabled: !u.disabled } },
                            { onSuccess: ok, onError: fail },
                          )
                        }
                      >
                        <Button size="small" danger={!u.disabled}>
                          {u.disabled ? (lang === 'zh' ? '启用' : 'Enable') : lang === 'zh' ? '停用' : 'Disable'}
                        </Button>
                      </Popconfirm>
                    )}
                  </Space>
                ),
              },
            ]}
          />
        )}
      </QueryPanel>
      <UserForm
        key={editing === 'new' ? 'new' : (editing?.id ?? 'none')}
        user={editing === 'new' ? null : editing}
        open={editing !== null}
        onClose={() => setEditing(null)}
      />
      <Modal
        open={resetting !== null}
        title={`${lang === 'zh' ? '重置密码' : 'Reset password'} · ${resetting?.username ?? ''}`}
        okText={t('save')}
        cancelText={t('cancel')}
        confirmLoading={update.isPending}
        destroyOnHidden
        onCancel={() => setResetting(null)}
        onOk={async () => {
          const { password } = await pwForm.validateFields();
          if (resetting)
            update.mutate(
              { id: resetting.id, patch: { password } },
              { onSuccess: () => (ok(), setResetting(null)), onError: fail },
            );
        }}
      >
        <Form form={pwForm} layout="vertical" preserve={false}>
          <Form.Item
            name="password"
            label={lang === 'zh' ? '新密码' : 'New password'}
            extra={passwordPolicyText}
            rules={[{ required: true, validator: (_, value?: string) => checkPassword(value, resetting?.username) }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
