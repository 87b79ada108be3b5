import type { ReactNode } from 'react';
import { Notice } from '../components/notice';
import { useUser } from '../lib/session/get-session';
import { useI18n } from '../lib/i18n/i18n';
import { canSee, homePath, type PageKey } from './access';

/** A page the role may not see says so (the server refuses the data anyway). */
export function RequireRole({ page, children }: { page: PageKey; children: ReactNode }) {
  const user = useUser();
  const { t } = useI18n();
  if (canSee(user.role, page)) return children;
  return <Notice code="403" text={t('noAccess')} home={homePath(user)} homeLabel={t('backHome')} />;
}
