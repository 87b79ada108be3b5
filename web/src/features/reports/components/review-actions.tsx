import type { ReportMonth } from '@lz/shared/api/reports';
import { message as antMessage, Button, Form, Input, Modal, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { useDepartments } from '../../../lib/catalogue/get-catalogue';
import { formatMonth } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n/i18n';
import { useReviewReport, type ReviewVerb } from '../api/review-report';

/**
 * The statistics office's verbs on one report: accept a submitted one, return it with a reason, unlock an
 * accepted one.
 */
export function ReviewActions({
  department,
  month,
  status,
  version,
  size = 'small',
}: {
  department: string;
  month: string;
  status: ReportMonth['status'];
  /** The version on the reviewer's screen: the one accepted or returned. */
  version: number | null;
  size?: 'small' | 'middle';
}) {
  const { t, lang } = useI18n();
  const departments = useDepartments();
  const deptName = departments.data?.find((d) => d.code === department)?.name ?? department;
  const [toast, toastHolder] = antMessage.useMessage();
  const review = useReviewReport();
  const [asking, setAsking] = useState<ReviewVerb | null>(null);
  const [form] = Form.useForm<{ reason: string }>();
  const done = () => toast.success(t('reviewDone'));
  const fail = (e: Error) => toast.error(e.message);

  return (
    <Space size="small" wrap>
      {toastHolder}
      {status === 'submitted' && (
        <>
          <Popconfirm
            title={t('confirmAccept')}
            onConfirm={() =>
              review.mutate({ department, month, verb: 'accept', version }, { onSuccess: done, onError: fail })
            }
          >
            <Button
              size={size}
              type="primary"
              loading={review.isPending && review.variables?.verb === 'accept'}
              data-testid={`accept-${department}-${month}`}
            >
              {t('accept')}
            </Button>
          </Popconfirm>
          <Button size={size} danger onClick={() => setAsking('return')} data-testid={`return-${department}-${month}`}>
            {t('return')}
          </Button>
        </>
      )}
      {status === 'accepted' && (
        <Button size={size} onClick={() => setAsking('unlock')} data-testid={`unlock-${department}-${month}`}>
          {t('unlock')}
        </Button>
      )}
      <Modal
        open={asking !== null}
        title={`${asking === 'return' ? t('return') : t('unlock')} · ${deptName} ${formatMonth(month, lang)}`}
        okText={t('confirm')}
        cancelText={t('cancel')}
        confirmLoading={review.isPending}
        destroyOnHidden
        onCancel={() => setAsking(null)}
        onOk={async () => {
          const { reason } = await form.validateFields();
          if (!asking) return;
          review.mutate(
            { department, month, verb: asking, reason, version },
            {
              onSuccess: () => {
                done();
                setAsking(null);
                form.resetFields();
              },
              onError: fail,
            },
          );
        }}
      >
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="reason" label={t('reason')} rules={[{ required: true, min: 2, max: 500, whitespace: true }]}>
            <Input.TextArea rows={3} autoFocus maxLength={500} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
