import { roleNames } from '@lz/shared/api/session';
import type { User } from '@lz/shared/api/users';
import { passwordPolicyText } from '@lz/shared/password-policy';
import { message as antMessage, Button, Form, Input, Modal, Popconfirm, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { PageToolbar } from '../../../components/page-toolbar';
import { QueryPanel } from '../../../components/query-panel';
import { formatDateTime } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n/i18n';
import { useDepartments, useUnits } from '../../../lib/catalogue/get-catalogue';
import { useUser } from '../../../lib/session/get-session';
import { useUsers } from '../../../lib/users/get-users';
import { useUpdateUser } from '../api/update-user';
import { checkPassword } from './password-rule';
import { UserForm } from './user-form';
import { useTimeZone } from '../../../lib/catalogue/use-time-zone';

/** Search by username, name, or the department or county a user is bound to. */
function userMatches(u: User, search: string, deptName: Map<string, string>, unitName: Map<string, string>) {
  const q = search.trim().toLowerCase();
  if (!q) return true;
  const bound = [u.department && deptName.get(u.department), u.county && unitName.get(u.county)];
  return [u.username, u.displayName, u.department, u.county, ...bound].some((v) => v?.toLowerCase().includes(q));
}

export function UsersPage() {
  const { t } = useI18n();
  const zone = useTimeZone();
  const [toast, toastHolder] = antMessage.useMessage();
  const me = useUser();
  const users = useUsers();
  const departments = useDepartments();
  const units = useUnits();
  const update = useUpdateUser();
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<User | null | 'new'>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const [pwForm] = Form.useForm<{ password: string }>();
  const deptName = new Map((departments.data ?? []).map((d) => [d.code, d.name]));
  const unitName = new Map((units.data ?? []).map((u) => [u.code, u.name]));
  const ok = () => toast.success(t('saved'));
  const fail = (e: Error) => toast.error(e.message);

  return (
    <>
      {toastHolder}
      <PageToolbar title={t('navUsers')}>
        <Input.Search
          allowClear
          size="middle"
          placeholder={t('userSearch')}
          aria-label={t('userSearch')}
          onChange={(e) => setSearch(e.currentTarget.value)}
          style={{ width: 220 }}
          data-testid="user-search"
        />
        <Button type="primary" onClick={() => setEditing('new')} data-testid="user-create">
          {t('create')}
        </Button>
      </PageToolbar>
      <QueryPanel query={users} isEmpty={(u) => u.length === 0} testId="users-table">
        {(list) => (
          <Table<User>
            rowKey="id"
            size="small"
            dataSource={list.filter((u) => userMatches(u, search, deptName, unitName))}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            scroll={{ x: 'max-content' }}
            columns={[
              { title: t('username'), dataIndex: 'username', sorter: (a, b) => a.username.localeCompare(b.username) },
              { title: t('displayNameShort'), dataIndex: 'displayName' },
              {
                title: t('role'),
                dataIndex: 'role',
                filters: Object.entries(roleNames).map(([value, text]) => ({ value, text })),
                onFilter: (v, r) => r.role === v,
                render: (r: User['role']) => t('roleName', r),
              },
              {
                title: t('binding'),
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
                    <Tag color="red">{t('userDisabled')}</Tag>
                  ) : u.lockedUntil ? (
                    <Tag color="orange">{t('userLocked')}</Tag>
                  ) : (
                    <Tag color="green">{t('userActive')}</Tag>
                  ),
              },
              {
                title: t('lastLogin'),
                dataIndex: 'lastLoginAt',
                sorter: (a, b) => (a.lastLoginAt ?? '').localeCompare(b.lastLoginAt ?? ''),
                render: (v: string | null) =>
                  v ? formatDateTime(v, zone) : <span className="muted">{t('neverLoggedIn')}</span>,
              },
              {
                title: t('createdAt'),
                dataIndex: 'createdAt',
                render: (v: string | null) => formatDateTime(v, zone),
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
                      {t('resetPassword')}
                    </Button>
                    {u.id !== me.id && (
                      <Popconfirm
                        title={u.disabled ? t('confirmEnableUser') : t('confirmDisableUser')}
                        onConfirm={() =>
                          update.mutate(
                            { id: u.id, patch: { disabled: !u.disabled } },
                            { onSuccess: ok, onError: fail },
                          )
                        }
                      >
                        <Button size="small" danger={!u.disabled}>
                          {u.disabled ? t('enableUser') : t('disableUser')}
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
        title={`${t('resetPassword')} · ${resetting?.username ?? ''}`}
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
              {
                onSuccess: () => {
                  ok();
                  setResetting(null);
                },
                onError: fail,
              },
            );
        }}
      >
        <Form form={pwForm} layout="vertical" preserve={false}>
          <Form.Item
            name="password"
            label={t('newPassword')}
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
