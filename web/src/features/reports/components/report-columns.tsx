import type { Catalogue, Indicator } from '@lz/shared/catalogue';
import { Tooltip } from 'antd';
import type { ReactNode } from 'react';

/** The form's columns grouped as on the paper form (合计 / 企业职工 / 重点群体 / 其中 / 资金 / 其他). */
export function groupedIndicators(
  catalogue: Catalogue,
  form: Indicator[],
): { code: string; name: string; indicators: Indicator[] }[] {
  return catalogue.groups
    .map((g) => ({ code: g.code, name: g.name, indicators: form.filter((i) => i.group === g.code) }))
    .filter((g) => g.indicators.length > 0);
}

export function IndicatorHeader({ indicator }: { indicator: Indicator }): ReactNode {
  return (
    <Tooltip title={`${indicator.name}（${indicator.unit}）`}>
      <span style={{ whiteSpace: 'nowrap' }}>
        <b>{indicator.code}</b>{' '}
        <span className="muted" style={{ fontSize: 12 }}>
          {indicator.shortName.length > 6 ? `${indicator.shortName.slice(0, 6)}…` : indicator.shortName}
        </span>
      </span>
    </Tooltip>
  );
}
