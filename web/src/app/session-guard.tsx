import { Alert, Button, Spin } from 'antd';
import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { useSession } from '../features/session/api/get-session';
import { useI18n } from '../lib/i18n/i18n';

/** Everything but the login page needs a session; without one, go to /login and come back after. */
export function SessionGuard() {
  const session = useSession();
  const location = useLocation();
  const { t } = useI18n();
  if (session.isPending) {
    return (
      <div className="center-screen">
        <Spin size="large" description={t('loading')} />
      </div>
    );
  }
  if (session.error) {
    return (
      <div className="center-screen">
        <Alert
          type="error"
          showIcon
          title={session.error.message}
          action={<Button onClick={() => session.refetch()}>{t('retry')}</Button>}
        />
      </div>
    );
  }
  if (!session.data) {
    const next = location.pathname + location.search;
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return <Outlet />;
}
