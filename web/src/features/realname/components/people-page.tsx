import { Alert, Button, Descriptions, Form, Input, Table, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { PageToolbar } from '../../../components/page-toolbar';
import { formatYuan } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n/i18n';
import type { PersonTraining, YearAllowance } from '../api/answers';
import { useLookUpPerson } from '../api/look-up-person';
import { FlagList } from './flag-list';
import { useNames } from './use-names';

/**
 * 人员查询 (admin and inspectors): the ID number goes in a POST body only, never the URL, so it stays out of
 * the history and access logs; the form forgets it once sent and the answer shows it masked.
 */
export function PeoplePage() {
  const { t, lang } = useI18n();
  const names = useNames();
  const lookup = useLookUpPerson();
  const [form] = Form.useForm<{ idNumber: string }>();
  const person = lookup.data;
  return (
    <>
      <PageToolbar title={t('navPeople')} />
      <section className="panel">
        <div className="panel-body">
          <Form
            form={form}
            layout="inline"
            autoComplete="off"
            onFinish={({ idNumber }) => {
              lookup.mutate(idNumber.trim());
              form.resetFields();
            }}
          >
            <Form.Item
              name="idNumber"
              label={t('rnIdNumber')}
              rules={[{ required: true, whitespace: true, message: t('rnIdNumberRequired') }]}
            >
              <Input
                maxLength={40}
                autoComplete="off"
                spellCheck={false}
                style={{ width: 240 }}
                data-testid="people-id-number"
              />
            </Form.Item>
            <Form.Item>
              <Button type="primary" htmlType="submit" loading={lookup.isPending} data-testid="people-lookup">
                {t('rnLookUp')}
              </Button>
            </Form.Item>
          </Form>
          <p className="muted" style={{ marginTop: 8 }}>
            {t('rnLookupAudited')}
          </p>
          {lookup.error && <Alert type="error" showIcon title={lookup.error.message} data-testid="people-error" />}
        </div>
      </section>
      {person && (
        <div data-testid="people-result">
          <section className="panel">
            <div className="panel-body">
              <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
                <Descriptions.Item label={t('rnIdNumber')}>
                  <code data-testid="people-masked-id">{person.idNumber}</code>
                </Descriptions.Item>
                <Descriptions.Item label={t('rnName')}>{person.name}</Descriptions.Item>
              </Descriptions>
              <Table<YearAllowance>
                data-testid="people-allowance"
                size="small"
                rowKey="year"
                pagination={false}
                dataSource={person.allowance}
                columns={[
                  { title: t('rnYear'), dataIndex: 'year' },
                  { title: t('rnUsed'), dataIndex: 'used', align: 'right' },
                  {
                    title: t('rnLeft'),
                    dataIndex: 'left',
                    align: 'right',
                    render: (n: number) => (n === 0 ? <Tag color="red">0</Tag> : n),
                  },
                ]}
              />
            </div>
          </section>
          <section className="panel">
            <header className="panel-head">
              <h2 className="panel-title">{t('rnTrainings', person.trainings.length)}</h2>
            </header>
            <div className="panel-body">
              <Table<PersonTraining>
                data-testid="people-trainings"
                size="small"
                rowKey="classId"
                pagination={false}
                dataSource={person.trainings}
                scroll={{ x: 'max-content' }}
                columns={[
                  {
                    title: t('rnClass'),
                    key: 'class',
                    render: (_, r) => {
                      const label = `${r.occupation} · ${r.level}`;
                      return <Link to={`/rosters/${r.classId}`}>{label}</Link>;
                    },
                  },
                  { title: t('department'), dataIndex: 'department', render: (d: string) => names.department(d) },
                  { title: t('rnInstitution'), dataIndex: 'institution', responsive: ['md'] },
                  { title: t('rnDates'), key: 'dates', render: (_, r) => `${r.startDate} ~ ${r.endDate}` },
                  {
                    title: t('rnSubsidies'),
                    key: 'subsidies',
                    align: 'right',
                    render: (_, r) => formatYuan(r.trainingSubsidy + r.livingSubsidy + r.assessmentSubsidy, lang),
                  },
                ]}
              />
            </div>
          </section>
          <section className="panel">
            <header className="panel-head">
              <h2 className="panel-title">{t('rnFlags', person.openFlags.length)}</h2>
            </header>
            <div className="panel-body">
              <FlagList flags={person.openFlags} names={names} testId="people-flags" />
            </div>
          </section>
        </div>
      )}
    </>
  );
}
