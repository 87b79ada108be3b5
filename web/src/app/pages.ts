/** Every page behind a lazy import, so each route is its own chunk and the overview stays light. */
import { lazy } from 'react';

export const OverviewPage = lazy(() =>
  import('../features/overview/components/overview-page').then((m) => ({ default: m.OverviewPage })),
);
export const MapPage = lazy(() => import('../features/map/components/map-page').then((m) => ({ default: m.MapPage })));
export const DrillPage = lazy(() =>
  import('../features/drill/components/drill-page').then((m) => ({ default: m.DrillPage })),
);
export const ReportPage = lazy(() =>
  import('../features/reports/components/report-page').then((m) => ({ default: m.ReportPage })),
);
export const FindingsPage = lazy(() =>
  import('../features/inspect/components/findings-page').then((m) => ({ default: m.FindingsPage })),
);
export const InspectPage = lazy(() =>
  import('../features/inspect/components/inspect-page').then((m) => ({ default: m.InspectPage })),
);
export const WorkspacePage = lazy(() =>
  import('../features/reports/components/workspace-page').then((m) => ({ default: m.WorkspacePage })),
);
export const ReviewPage = lazy(() =>
  import('../features/reports/components/review-page').then((m) => ({ default: m.ReviewPage })),
);
export const AllocationsPage = lazy(() =>
  import('../features/allocations/components/allocations-page').then((m) => ({ default: m.AllocationsPage })),
);
export const UsersPage = lazy(() =>
  import('../features/users/components/users-page').then((m) => ({ default: m.UsersPage })),
);
export const AuditPage = lazy(() =>
  import('../features/audit/components/audit-page').then((m) => ({ default: m.AuditPage })),
);
export const HistoryImportPage = lazy(() =>
  import('../features/history-import/components/history-import-page').then((m) => ({ default: m.HistoryImportPage })),
);
export const BulletinPage = lazy(() =>
  import('../features/bulletin/components/bulletin-page').then((m) => ({ default: m.BulletinPage })),
);
// 实名制 (#15): one chunk per page, like the rest.
export const RosterUploadPage = lazy(() =>
  import('../features/realname/components/roster-upload-page').then((m) => ({ default: m.RosterUploadPage })),
);
export const RosterListPage = lazy(() =>
  import('../features/realname/components/roster-list-page').then((m) => ({ default: m.RosterListPage })),
);
export const RosterPage = lazy(() =>
  import('../features/realname/components/roster-page').then((m) => ({ default: m.RosterPage })),
);
export const FlagsPage = lazy(() =>
  import('../features/realname/components/flags-page').then((m) => ({ default: m.FlagsPage })),
);
export const PeoplePage = lazy(() =>
  import('../features/realname/components/people-page').then((m) => ({ default: m.PeoplePage })),
);
export const ReconciliationPage = lazy(() =>
  import('../features/realname/components/reconciliation-page').then((m) => ({ default: m.ReconciliationPage })),
);
export const LoginPage = lazy(() =>
  import('../features/session/components/login-page').then((m) => ({ default: m.LoginPage })),
);
export const DisclosurePage = lazy(() =>
  import('../features/disclosure/components/disclosure-page').then((m) => ({ default: m.DisclosurePage })),
);
export const InstitutionsPage = lazy(() =>
  import('../features/training-catalogue/components/institutions-page').then((m) => ({ default: m.InstitutionsPage })),
);
export const TrainingProjectsPage = lazy(() =>
  import('../features/training-catalogue/components/training-projects-page').then((m) => ({
    default: m.TrainingProjectsPage,
  })),
);
