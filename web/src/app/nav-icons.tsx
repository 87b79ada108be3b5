import {
  AimOutlined,
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  DashboardOutlined,
  EnvironmentOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  FormOutlined,
  ImportOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { PageKey } from './access';

export const navIcons: Record<PageKey, ReactNode> = {
  overview: <DashboardOutlined />,
  map: <EnvironmentOutlined />,
  drill: <ApartmentOutlined />,
  inspect: <AlertOutlined />,
  findings: <AlertOutlined />,
  bulletin: <FileTextOutlined />,
  workspace: <FormOutlined />,
  review: <AuditOutlined />,
  allocations: <AimOutlined />,
  users: <TeamOutlined />,
  audit: <FileSearchOutlined />,
  import: <ImportOutlined />,
  report: <FileTextOutlined />,
};
