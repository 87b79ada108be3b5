import { PageToolbar } from '../../../components/page-toolbar';
import { useI18n } from '../../../lib/i18n/i18n';
import { FindingsPanel } from './findings-panel';

/** 督查整改: a county user's findings about its own county, each answered with its 整改说明. */
export function FindingsPage() {
  const { t } = useI18n();
  return (
    <>
      <PageToolbar title={t('navFindings')} />
      <FindingsPanel />
    </>
  );
}
