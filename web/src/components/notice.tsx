import { Button, Typography } from 'antd';
import { Link } from 'react-router-dom';

/** A light "403 / 404" block (antd's Result carries large illustrations into the entry chunk). */
export function Notice({
  code,
  text,
  home,
  homeLabel,
}: {
  code: string;
  text: string;
  home: string;
  homeLabel: string;
}) {
  return (
    <div
      className="center-block"
      style={{ flexDirection: 'column', alignItems: 'center', textAlign: 'center' }}
      role="alert"
    >
      <Typography.Title level={1} style={{ fontSize: 48, color: '#94a3b8', margin: 0 }}>
        {code}
      </Typography.Title>
      <Typography.Paragraph>{text}</Typography.Paragraph>
      <Link to={home}>
        <Button type="primary">{homeLabel}</Button>
      </Link>
    </div>
  );
}
