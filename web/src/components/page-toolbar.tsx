import { Typography } from 'antd';
import type { ReactNode } from 'react';

/** A page's title with its controls beside it (wrapping under it on a phone). */
export function PageToolbar({ title, children }: { title: ReactNode; children?: ReactNode }) {
  return (
    <div className="page-toolbar">
      <Typography.Title level={1}>{title}</Typography.Title>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>{children}</div>
    </div>
  );
}
