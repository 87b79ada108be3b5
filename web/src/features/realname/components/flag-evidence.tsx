import type { ClassRef, Flag } from '@lz/shared/api/rosters';
import { Col, Descriptions, Row, Table, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../lib/i18n/i18n';
import { figureLabelKey, flagKindLabel } from './flag-kind';
import type { Names } from './use-names';

function ClassCard({ cls, names, index }: { cls: ClassRef; names: Names; index: number }) {
  const { t } = useI18n();
  return (
    <div className="card" data-testid={`flag-class-${index}`}>
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('rnClass')}>
          {cls.classId ? <Link to={`/rosters/${cls.classId}`}>{t('rnOpenClass')}</Link> : t('rnThisRoster')}
        </Descriptions.Item>
        <Descriptions.Item label={t('department')}>{names.department(cls.department)}</Descriptions.Item>
        <Descriptions.Item label={t('rnInstitution')}>{cls.institution ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('rnOccupation')}>
          {cls.occupation} · {cls.level}
        </Descriptions.Item>
        <Descriptions.Item label={t('rnDates')}>
          {cls.startDate} ~ {cls.endDate}
        </Descriptions.Item>
      </Descriptions>
    </div>
  );
}

/**
 * A flag and what it rests on: the trainees (masked as sent), the classes side by side (both classes of an
 * overlap, so the inspector compares dates at a glance), and the figures.
 */
export function FlagEvidence({ flag, names }: { flag: Flag; names: Names }) {
  const { t } = useI18n();
  const figures = Object.entries(flag.evidence.figures);
  const span = flag.evidence.classes.length > 1 ? 12 : 24;
  return (
    <div data-testid="flag-evidence" data-kind={flag.kind}>
      <p>
        <Tag color="orange">{t(flagKindLabel[flag.kind])}</Tag>
        {flag.message}
      </p>
      {flag.evidence.classes.length > 0 && (
        <Row gutter={[12, 12]} style={{ marginBottom: 8 }}>
          {flag.evidence.classes.map((cls, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a flag's classes are a fixed answer, never reordered
            <Col key={`${cls.classId ?? 'this'}-${i}`} xs={24} md={span}>
              <ClassCard cls={cls} names={names} index={i} />
            </Col>
          ))}
        </Row>
      )}
      {flag.evidence.trainees.length > 0 && (
        <Table
          size="small"
          pagination={false}
          rowKey={(r) => `${r.row ?? ''}-${r.idNumber}`}
          dataSource={flag.evidence.trainees}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('rnRow'), dataIndex: 'row', width: 64, render: (r: number | null) => r ?? '—' },
            { title: t('rnName'), dataIndex: 'name' },
            { title: t('rnIdNumber'), dataIndex: 'idNumber', render: (v: string) => <code>{v}</code> },
          ]}
        />
      )}
      {figures.length > 0 && (
        <Descriptions size="small" column={{ xs: 1, sm: 3 }} style={{ marginTop: 8 }} data-testid="flag-figures">
          {figures.map(([k, v]) => (
            <Descriptions.Item key={k} label={t(figureLabelKey(k))}>
              {String(v)}
            </Descriptions.Item>
          ))}
        </Descriptions>
      )}
    </div>
  );
}
