import { Descriptions, Tag } from 'antd';
import { formatMonth } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n/i18n';
import type { Names } from './use-names';

export interface ClassFacts {
  department: string;
  institution: string;
  trainingType: string;
  occupation: string;
  level: string;
  county: string;
  startDate: string;
  endDate: string;
  trainees: number;
  month?: string;
  hours?: number | null;
  status?: 'active' | 'withdrawn';
}

/** A class's facts, as the upload answer and the class page show them. */
export function ClassDescriptions({ facts, names }: { facts: ClassFacts; names: Names }) {
  const { t, lang } = useI18n();
  return (
    <Descriptions size="small" bordered column={{ xs: 1, sm: 2, lg: 3 }} data-testid="roster-class">
      <Descriptions.Item label={t('department')}>{names.department(facts.department)}</Descriptions.Item>
      <Descriptions.Item label={t('rnInstitution')}>{facts.institution}</Descriptions.Item>
      <Descriptions.Item label={t('rnTrainingType')}>{facts.trainingType}</Descriptions.Item>
      <Descriptions.Item label={t('rnOccupation')}>{facts.occupation}</Descriptions.Item>
      <Descriptions.Item label={t('rnLevel')}>{facts.level}</Descriptions.Item>
      <Descriptions.Item label={t('rnPlace')}>{names.county(facts.county)}</Descriptions.Item>
      <Descriptions.Item label={t('rnDates')}>
        {facts.startDate} ~ {facts.endDate}
      </Descriptions.Item>
      <Descriptions.Item label={t('rnTrainees')}>
        <span data-testid="roster-trainee-count">{facts.trainees}</span>
      </Descriptions.Item>
      {facts.month && <Descriptions.Item label={t('month')}>{formatMonth(facts.month, lang)}</Descriptions.Item>}
      {facts.hours !== undefined && <Descriptions.Item label={t('rnHours')}>{facts.hours ?? '—'}</Descriptions.Item>}
      {facts.status && (
        <Descriptions.Item label={t('status')}>
          <span data-testid="roster-status" data-value={facts.status}>
            {facts.status === 'withdrawn' ? (
              <Tag color="default">{t('rnWithdrawn')}</Tag>
            ) : (
              <Tag color="green">{t('rnActive')}</Tag>
            )}
          </span>
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}
