import { Alert, Button, Empty, Skeleton } from 'antd';
import type { CSSProperties, ReactNode } from 'react';
import { errorView } from '../lib/error-view';
import { useI18n } from '../lib/i18n/i18n';
import type { QueryLike } from './query-state';

export interface QueryPanelProps<T> {
  query: QueryLike<T>;
  title?: ReactNode;
  extra?: ReactNode;
  /** When the data counts as nothing to show. */
  isEmpty?: (data: T) => boolean;
  emptyText?: ReactNode;
  /** Rows of skeleton while loading (charts look better with a taller block). */
  skeletonRows?: number;
  children: (data: T) => ReactNode;
  testId?: string;
  /** A bare panel: no frame, for content that brings its own (the bulletin's A4 sheet). */
  bare?: boolean;
  style?: CSSProperties;
}

/**
 * Every data block of a page sits in one of these: loading, error (with retry), empty, or the content.
 * Plain markup rather than antd's Card, which would carry Tabs into every route.
 */
export function QueryPanel<T>({
  query,
  title,
  extra,
  isEmpty,
  emptyText,
  skeletonRows = 4,
  children,
  testId,
  bare,
  style,
}: QueryPanelProps<T>) {
  const { t } = useI18n();
  let body: ReactNode;
  let state = 'ready';
  let errorKind: string | undefined;
  if (query.error) {
    state = 'error';
    const view = errorView(query.error);
    state = 'error';
    errorKind = view.kind;
    body = (
      <Alert
        type={view.kind === 'offline' ? 'warning' : 'error'}
        showIcon
        title={view.kind === 'offline' ? t('offline') : t('loadError')}
        description={view.message}
        action={
          view.retry ? (
            <Button size="small" onClick={() => query.refetch()}>
              {t('retry')}
            </Button>
          ) : undefined
        }
      />
    );
  } else if (query.data === undefined && query.isPaused) {
    state = 'offline';
    body = <Alert type="warning" showIcon title={t('offline')} description={t('offlineWaiting')} />;
  } else if (query.data === undefined) {
    state = 'loading';
    body = <Skeleton active paragraph={{ rows: skeletonRows }} title={false} />;
  } else if (isEmpty?.(query.data)) {
    state = 'empty';
    body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText ?? t('empty')} />;
  } else {
    body = children(query.data);
  }
  return (
    <section
      className={bare ? 'panel panel-bare' : 'panel'}
      data-testid={testId}
      data-state={state}
      data-error-kind={errorKind}
      aria-busy={state === 'loading'}
      style={style}
    >
      {(title || extra) && (
        <header className="panel-head">
          {title ? <h2 className="panel-title">{title}</h2> : <span />}
          {extra && <div className="panel-extra">{extra}</div>}
        </header>
      )}
      <div className="panel-body">{body}</div>
    </section>
  );
}
