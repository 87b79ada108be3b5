/**
 * What each role may see: the nav, the route guards and the landing page all read this one table. It is the
 * app shell's own business; what a role may write is the shared policy (`@lz/shared/access-policy`).
 */
import type { Role, SessionUser } from '@lz/shared/api/session';
import type { MessageKey } from '../lib/i18n/dictionary';

export type PageKey =
  | 'overview'
  | 'map'
  | 'drill'
  | 'inspect'
  | 'findings'
  | 'workspace'
  | 'review'
  | 'allocations'
  | 'users'
  | 'audit'
  | 'import'
  | 'bulletin'
  | 'disclosure'
  | 'report'
  | 'reconciliation'
  | 'flags'
  | 'people'
  | 'rosters'
  | 'rosterUpload'
  | 'institutions'
  | 'trainingProjects';

const ALL: Role[] = ['admin', 'leader', 'inspector', 'reporter', 'county'];

export const pageRoles: Record<PageKey, Role[]> = {
  overview: ALL,
  map: ['admin', 'leader', 'inspector'],
  drill: ['admin', 'leader', 'inspector', 'county'],
  inspect: ['admin', 'leader', 'inspector'],
  // Inspectors see findings in 督查; a county user has its own page to answer those about its county.
  findings: ['county'],
  bulletin: ['admin', 'leader', 'inspector'],
  workspace: ['admin', 'reporter'],
  review: ['admin'],
  allocations: ['admin', 'reporter'],
  users: ['admin'],
  audit: ['admin'],
  import: ['admin'],
  disclosure: ['admin'],
  // A single report: readers of any kind; the server narrows a reporter to its department, a county to its row.
  report: ALL,
  // 实名制 (#15). Leaders read aggregates only: reconciliation, never a class or a person.
  reconciliation: ['admin', 'leader', 'inspector', 'reporter'],
  flags: ['admin', 'inspector'],
  people: ['admin', 'inspector'],
  // The server narrows the list: a reporter to its department, a county user to its county.
  rosters: ['admin', 'inspector', 'reporter', 'county'],
  rosterUpload: ['admin', 'reporter'],
  // 目录清单: the statistics office maintains it (canEditTrainingCatalogue).
  institutions: ['admin'],
  trainingProjects: ['admin'],
};

export function canSee(role: Role, page: PageKey): boolean {
  return pageRoles[page].includes(role);
}

/** Where a county user's drill-down starts (it may not see the city level). */
export function drillRoot(user: SessionUser): string {
  return user.role === 'county' && user.county ? `/drill/county/${user.county}` : '/drill';
}

export function homePath(user: SessionUser): string {
  switch (user.role) {
    case 'admin':
      return '/review';
    case 'leader':
      return '/overview';
    case 'inspector':
      return '/inspect';
    case 'reporter':
      return '/workspace';
    case 'county':
      return drillRoot(user);
  }
}

export interface NavItem {
  page: PageKey;
  path: string;
  label: MessageKey;
}

export function navItems(user: SessionUser): NavItem[] {
  const items: NavItem[] = [
    { page: 'overview', path: '/overview', label: 'navOverview' },
    { page: 'map', path: '/map', label: 'navMap' },
    { page: 'drill', path: drillRoot(user), label: 'navDrill' },
    { page: 'inspect', path: '/inspect', label: 'navInspect' },
    { page: 'findings', path: '/findings', label: 'navFindings' },
    { page: 'bulletin', path: '/bulletin', label: 'navBulletin' },
    { page: 'reconciliation', path: '/reconciliation', label: 'navReconciliation' },
    { page: 'flags', path: '/flags', label: 'navFlags' },
    { page: 'people', path: '/people', label: 'navPeople' },
    { page: 'workspace', path: '/workspace', label: 'navWorkspace' },
    { page: 'rosters', path: '/rosters', label: 'navRosters' },
    { page: 'rosterUpload', path: '/rosters/upload', label: 'navRosterUpload' },
    { page: 'review', path: '/review', label: 'navReview' },
    { page: 'allocations', path: '/allocations', label: 'navAllocations' },
    { page: 'institutions', path: '/admin/institutions', label: 'navInstitutions' },
    { page: 'trainingProjects', path: '/admin/training-projects', label: 'navTrainingProjects' },
    { page: 'users', path: '/admin/users', label: 'navUsers' },
    { page: 'import', path: '/admin/import', label: 'navImport' },
    { page: 'disclosure', path: '/admin/disclosure', label: 'navDisclosure' },
    { page: 'audit', path: '/admin/audit', label: 'navAudit' },
  ];
  return items.filter((i) => canSee(user.role, i.page));
}
