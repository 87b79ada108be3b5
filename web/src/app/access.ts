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
  | 'report';

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
  // A single report: readers of any kind; the server narrows a reporter to its department, a county to its row.
  report: ALL,
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
    { page: 'workspace', path: '/workspace', label: 'navWorkspace' },
    { page: 'review', path: '/review', label: 'navReview' },
    { page: 'allocations', path: '/allocations', label: 'navAllocations' },
    { page: 'users', path: '/admin/users', label: 'navUsers' },
    { page: 'import', path: '/admin/import', label: 'navImport' },
    { page: 'audit', path: '/admin/audit', label: 'navAudit' },
  ];
  return items.filter((i) => canSee(user.role, i.page));
}
