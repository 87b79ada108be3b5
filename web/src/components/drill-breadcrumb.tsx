import { Breadcrumb } from 'antd';
import { Link } from 'react-router-dom';
import { formatMonth } from '../lib/format';
import { useI18n } from '../lib/i18n/i18n';
import { useCarriedSearch } from '../lib/url-state';
import { useDepartments, useUnits } from '../lib/catalogue/get-catalogue';
import { useUser } from '../lib/session/get-session';

export interface DrillPath {
  county?: string;
  department?: string;
  month?: string;
  version?: number;
}

/** 全市 › county › department › month › version: every level but the last is a link back up. */
export function DrillBreadcrumb({ path }: { path: DrillPath }) {
  const { t, lang } = useI18n();
  const user = useUser();
  const units = useUnits();
  const departments = useDepartments();
  const search = useCarriedSearch();
  const countyName = units.data?.find((u) => u.code === path.county)?.name ?? path.county;
  const deptName = departments.data?.find((d) => d.code === path.department)?.name ?? path.department;

  const items: { title: string; to?: string }[] = [];
  if (user.role !== 'county') items.push({ title: t('city'), to: `/drill${search}` });
  if (path.county) items.push({ title: countyName ?? '', to: `/drill/county/${path.county}${search}` });
  if (path.department) {
    items.push({
      title: deptName ?? '',
      to: path.county
        ? `/drill/county/${path.county}/department/${path.department}${search}`
        : user.role === 'county'
          ? undefined
          : `/drill/department/${path.department}${search}`,
    });
  }
  if (path.month) {
    // From a pinned version back to the month's latest, keeping the county the drill-down came through.
    const query = [path.county ? `county=${path.county}` : '', search.replace(/^\?/u, '')].filter(Boolean).join('&');
    const to = path.department ? `/reports/${path.department}/${path.month}${query ? `?${query}` : ''}` : undefined;
    items.push({ title: formatMonth(path.month, lang), to });
  }
  if (path.version) items.push({ title: `${t('version')} ${path.version}` });

  return (
    <Breadcrumb
      style={{ marginBottom: 12 }}
      data-testid="drill-breadcrumb"
      items={items.map((item, i) => ({
        title: item.to && i < items.length - 1 ? <Link to={item.to}>{item.title}</Link> : item.title,
      }))}
    />
  );
}
