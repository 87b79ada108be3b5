import { GlobalOutlined, LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import type { SessionUser } from '@lz/shared/api/session';
import { useI18n } from '../../../lib/i18n/i18n';
import { useSession } from '../../../lib/session/get-session';
import { useLogin } from '../api/login';

/** Only same-site paths may be a `next`; anything else goes to the role's home. */
function safeNext(next: string | null): string | null {
  return next?.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : null;
}

/** `homeOf` is where a signed-in user lands: the app shell's per-role table, handed in so the page need not know it. */
export function LoginPage({ homeOf }: { homeOf: (user: SessionUser) => string }) {
  const { t, toggleLang } = useI18n();
  const session = useSession();
  const login = useLogin();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));

  if (session.data && !login.isPending) return <Navigate to={next ?? homeOf(session.data.user)} replace />;

  return (
    <main
      className="center-screen"
      style={{ background: 'linear-gradient(160deg, #1e3a8a 0%, #1d4ed8 45%, #f1f5f9 45%)' }}
    >
      <Card style={{ width: 380, maxWidth: '100%' }}>
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'start', gap: 8 }}>
          <Typography.Title level={1} style={{ fontSize: 20, marginTop: 0 }}>
            {t('appName')}
          </Typography.Title>
          <Button size="small" icon={<GlobalOutlined />} onClick={() => toggleLang()}>
            {t('language')}
          </Button>
        </div>
        <Typography.Paragraph type="secondary">柳政规〔2019〕63号 · {t('loginTitle')}</Typography.Paragraph>
        {login.error && (
          <Alert
            type="error"
            showIcon
            title={`${t('loginFailed')}: ${login.error.message}`}
            style={{ marginBottom: 16 }}
            data-testid="login-error"
          />
        )}
        <Form
          layout="vertical"
          requiredMark={false}
          onFinish={(values: { username: string; password: string }) =>
            login.mutate(values, { onSuccess: (s) => navigate(next ?? homeOf(s.user), { replace: true }) })
          }
        >
          <Form.Item name="username" label={t('username')} rules={[{ required: true }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus id="login-username" />
          </Form.Item>
          <Form.Item name="password" label={t('password')} rules={[{ required: true }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" id="login-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit">
            {t('login')}
          </Button>
        </Form>
      </Card>
    </main>
  );
}
