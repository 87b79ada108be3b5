import { BellOutlined, GlobalOutlined, LogoutOutlined, MenuFoldOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { Button, Grid, Layout, Menu, Space, Spin, Tag, Typography } from 'antd';
import { Suspense, useEffect, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useUser } from '../lib/session/get-session';
import { useLogout } from '../features/session/api/logout';
import { useI18n } from '../lib/i18n/i18n';
import { useReminders } from '../lib/reminders/get-reminders';
import { useServerClock } from '../lib/clock/get-clock';
import { useTimeZone } from '../lib/catalogue/use-time-zone';
import { formatDateTime } from '../lib/format';
import { navItems } from './access';
import { navIcons } from './nav-icons';

const { Header, Sider, Content } = Layout;

/** A reporter's open 催报, in the header on every page until each month is filed. */
function ReminderBell({ reporter }: { reporter: boolean }) {
  const { t } = useI18n();
  const open = (useReminders(reporter).data ?? []).filter((r) => !r.filed);
  if (!reporter || open.length === 0) return null;
  return (
    <Link to="/workspace" data-testid="reminder-bell" title={open.map((r) => r.month).join('、')}>
      <Tag color="red" icon={<BellOutlined />} style={{ marginInlineEnd: 0 }}>
        {t('remindedBell', String(open.length))}
      </Tag>
    </Link>
  );
}

/** On a demo installation, the day it plays (issue #13 point 16), so nobody takes it for today. */
function DemoDate() {
  const { t } = useI18n();
  const zone = useTimeZone();
  const clock = useServerClock().data;
  if (!clock?.demo) return null;
  return (
    <Tag color="gold" title={t('demoDateHint')} data-testid="demo-date" style={{ marginInlineEnd: 0 }}>
      {t('demoDate', formatDateTime(clock.now, zone).slice(0, 10))}
    </Tag>
  );
}

/** The chrome: a side menu (a drawer-like collapse on phones), the header with language and logout, the page. */
export function AppLayout() {
  const user = useUser();
  const { t, toggleLang } = useI18n();
  const screens = Grid.useBreakpoint();
  const narrow = !screens.lg;
  const [collapsed, setCollapsed] = useState(narrow);
  const location = useLocation();
  const navigate = useNavigate();
  const logout = useLogout();
  const items = navItems(user);

  useEffect(() => setCollapsed(narrow), [narrow]);
  // On a phone the menu closes once a page is chosen.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the path is the trigger, not a value read inside
  useEffect(() => {
    if (narrow) setCollapsed(true);
  }, [location.pathname, narrow]);

  const section = location.pathname.startsWith('/reports/')
    ? user.role === 'reporter'
      ? '/workspace'
      : '/drill'
    : location.pathname;
  const selected = items
    .map((i) => i.path)
    .filter(
      (p) => section === p || section.startsWith(`${p}/`) || (p.startsWith('/drill') && section.startsWith('/drill')),
    )
    .sort((a, b) => b.length - a.length)
    .slice(0, 1);

  return (
    <Layout className="app-shell">
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <Sider
        className="app-sider no-print"
        width={208}
        collapsible
        collapsed={collapsed}
        collapsedWidth={narrow ? 0 : 64}
        trigger={null}
        theme="dark"
        style={narrow ? { position: 'fixed', height: '100vh', zIndex: 20, left: 0, top: 0 } : undefined}
      >
        <div className="app-brand">{collapsed && !narrow ? '柳' : t('appShort')}</div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={selected}
          items={items.map((i) => ({
            key: i.path,
            icon: navIcons[i.page],
            label: <Link to={i.path}>{t(i.label)}</Link>,
          }))}
        />
      </Sider>
      {narrow && !collapsed && (
        <div className="app-scrim no-print" onClick={() => setCollapsed(true)} aria-hidden="true" />
      )}
      <Layout>
        <Header className="app-header no-print">
          <div style={{ display: 'flex', alignItems: 'center', gap: 8, minWidth: 0 }}>
            <Button
              type="text"
              aria-label={collapsed ? 'open menu' : 'close menu'}
              aria-expanded={!collapsed}
              icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
              onClick={() => setCollapsed((c) => !c)}
            />
            <strong className="app-title">{t('appName')}</strong>
          </div>
          <Space size="small">
            <DemoDate />
            <ReminderBell reporter={user.role === 'reporter'} />
            <Typography.Text type="secondary" className="app-user" data-testid="current-user">
              {user.displayName} · {t(`role_${user.role}`)}
            </Typography.Text>
            <Button size="small" icon={<GlobalOutlined />} onClick={() => toggleLang()} data-testid="lang-switch">
              {t('language')}
            </Button>
            <Button
              size="small"
              icon={<LogoutOutlined />}
              loading={logout.isPending}
              onClick={() => logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) })}
              data-testid="logout"
            >
              {screens.md ? t('logout') : null}
            </Button>
          </Space>
        </Header>
        <Content id="main" className="app-content" tabIndex={-1}>
          <Suspense
            fallback={
              <div className="center-block">
                <Spin description={t('loading')} />
              </div>
            }
          >
            <Outlet />
          </Suspense>
        </Content>
      </Layout>
    </Layout>
  );
}
