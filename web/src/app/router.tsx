import { Suspense, type ReactNode } from 'react';
import { createBrowserRouter, Navigate } from 'react-router-dom';
import { Notice } from '../components/notice';
import { useUser } from '../lib/session/get-session';
import { useI18n } from '../lib/i18n/i18n';
import { homePath, type PageKey } from './access';
import { AppLayout } from './app-layout';
import * as P from './pages';
import { RequireRole } from './require-role';
import { SessionGuard } from './session-guard';

function HomeRedirect() {
  return <Navigate to={homePath(useUser())} replace />;
}

function NotFound() {
  const { t } = useI18n();
  return <Notice code="404" text={t('notFound')} home="/" homeLabel={t('backHome')} />;
}

const guarded = (page: PageKey, element: ReactNode) => <RequireRole page={page}>{element}</RequireRole>;

export const router = createBrowserRouter([
  {
    path: '/login',
    element: (
      <Suspense fallback={null}>
        <P.LoginPage homeOf={homePath} />
      </Suspense>
    ),
  },
  {
    element: <SessionGuard />,
    children: [
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <HomeRedirect /> },
          { path: 'overview', element: guarded('overview', <P.OverviewPage />) },
          { path: 'map', element: guarded('map', <P.MapPage />) },
          { path: 'drill', element: guarded('drill', <P.DrillPage />) },
          { path: 'drill/county/:county', element: guarded('drill', <P.DrillPage />) },
          { path: 'drill/department/:department', element: guarded('drill', <P.DrillPage />) },
          { path: 'drill/county/:county/department/:department', element: guarded('drill', <P.DrillPage />) },
          { path: 'reports/:department/:month', element: guarded('report', <P.ReportPage />) },
          { path: 'inspect', element: guarded('inspect', <P.InspectPage />) },
          { path: 'findings', element: guarded('findings', <P.FindingsPage />) },
          { path: 'bulletin', element: guarded('bulletin', <P.BulletinPage />) },
          { path: 'workspace', element: guarded('workspace', <P.WorkspacePage />) },
          { path: 'review', element: guarded('review', <P.ReviewPage />) },
          { path: 'allocations', element: guarded('allocations', <P.AllocationsPage />) },
          { path: 'admin/users', element: guarded('users', <P.UsersPage />) },
          { path: 'admin/institutions', element: guarded('institutions', <P.InstitutionsPage />) },
          { path: 'admin/training-projects', element: guarded('trainingProjects', <P.TrainingProjectsPage />) },
          { path: 'admin/audit', element: guarded('audit', <P.AuditPage />) },
          { path: 'admin/disclosure', element: guarded('disclosure', <P.DisclosurePage />) },
          { path: 'admin/import', element: guarded('import', <P.HistoryImportPage />) },
          { path: 'reconciliation', element: guarded('reconciliation', <P.ReconciliationPage />) },
          { path: 'flags', element: guarded('flags', <P.FlagsPage />) },
          { path: 'people', element: guarded('people', <P.PeoplePage />) },
          { path: 'rosters', element: guarded('rosters', <P.RosterListPage />) },
          { path: 'rosters/upload', element: guarded('rosterUpload', <P.RosterUploadPage />) },
          { path: 'rosters/:id', element: guarded('rosters', <P.RosterPage />) },
          { path: '*', element: <NotFound /> },
        ],
      },
    ],
  },
]);
