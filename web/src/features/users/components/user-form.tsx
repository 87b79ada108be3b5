import { roles, type Role } from '@lz/shared/api/session';
import type { User } from '@lz/shared/api/users';
import { passwordPolicyText } from '@lz/shared/password-policy';
import { Form, Input, Modal, Select } from 'antd';
import { useI18n } from '../../../lib/i18n/i18n';
import { useDepartments, useUnits } from '../../../lib/catalogue/get-catalogue';
import { useCreateUser } from '../api/create-user';
import { useUpdateUser } from '../api/update-user';
import { checkPassword } from './password-rule';

interface Values {
  username: string;
  displayName?: string;
  password?: string;
  role: Role;
  department?: string | null;
  county?: string | null;
}

/**
 * New user, or role / binding / name of an existing one. A reporter is bound to a department, a county user to a
 * county.
 */
export function UserForm({ user, open, onClose }: { user: User | null; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const role = Form.useWatch('role', form) ?? user?.role ?? 'reporter';
  const departments = useDepartments();
  const units = useUnits();
  const create = useCreateUser();
  const update = useUpdateUser();
  const error = create.error ?? update.error;

  return (
    <Modal
      open={open}
      title={user ? `${t('edit')} · ${user.username}` : t('create')}
      okText={t('save')}
      cancelText={t('cancel')}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
      onCancel={onClose}
      onOk={async () => {
        const v = await form.validateFields();
        const binding = {
          department: v.role === 'reporter' ? (v.department ?? null) : null,
          county: v.role === 'county' ? (v.county ?? null) : null,
        };
        if (user) {
          update.mutate(
            { id: user.id, patch: { displayName: v.displayName || user.displayName, role: v.role, ...binding } },
            { onSuccess: onClose },
          );
        } else {
          create.mutate(
            {
              username: v.username,
              displayName: v.displayName || undefined,
              password: v.password ?? '',
              role: v.role,
              ...binding,
            },
            { onSuccess: onClose },
          );
        }
      }}
    >
      <Form form={form} layout="vertical" preserve={false} initialValues={user ? { ...user } : { role: 'reporter' }}>
        <Form.Item
          name="username"
          label={t('username')}
          rules={[{ required: true, pattern: /^[A-Za-z0-9_.-]{3,32}$/ }]}
        >
          <Input disabled={user !== null} autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label={t('displayName')}>
          <Input maxLength={64} />
        </Form.Item>
        {!user && (
          <Form.Item
            name="password"
            label={t('password')}
            extra={passwordPolicyText}
            dependencies={['username']}
            rules={[
              {
                required: true,
                validator: (_, value?: string) =>
                  checkPassword(value, form.getFieldValue('username') as string | undefined),
              },
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
        <Form.Item name="role" label={t('role')} rules={[{ required: true }]}>
          <Select options={roles.map((r) => ({ value: r, label: t('roleName', r) }))} />
        </Form.Item>
        {role === 'reporter' && (
          <Form.Item name="department" label={t('department')} rules={[{ required: true }]}>
            <Select
              showSearch
              optionFilterProp="label"
              options={(departments.data ?? [])
                .filter((d) => d.owesReports)
                .map((d) => ({ value: d.code, label: d.name }))}
            />
          </Form.Item>
        )}
        {role === 'county' && (
          <Form.Item name="county" label={t('county')} rules={[{ required: true }]}>
            <Select options={(units.data ?? []).map((u) => ({ value: u.code, label: u.name }))} />
          </Form.Item>
        )}
        {error && <div style={{ color: '#dc2626' }}>{error.message}</div>}
      </Form>
    </Modal>
  );
}
