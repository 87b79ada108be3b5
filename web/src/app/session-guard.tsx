import { Alert, Button, Spin } from 'antd';
import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { useCatalogue } from '../lib/catalogue/get-catalogue';
import { useSession } from '../lib/session/get-session';
import { useI18n } from '../lib/i18n/i18n';

/**
 * Everything but the login page needs a session; without one, go to /login and come back after. Every page
 * also stands in the campaign's frame (window, time zone), so the catalogue is waited for here, once.
 */
export function SessionGuard() {
  const session = useSession();
  const catalogue = useCatalogue();
  const location = useLocation();
  const { t } = useI18n();
  if (session.isPending || (session.data && catalogue.isPending)) {
    return (
      <div className="center-screen">
        <Spin size="large" description={t('loading')} />
      </div>
    );
  }
  const failed = session.error ? session : session.data && catalogue.error ? catalogue : null;
  if (failed?.error) {
    return (
      <div className="center-screen">
        <Alert
          type="error"
          showIcon
          title={failed.error.message}
          action={<Button onClick={() => failed.refetch()}>{t('retry')}</Button>}
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
