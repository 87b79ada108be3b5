import { Alert, Button, Input, Modal } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../lib/i18n/i18n';
import { useWithdrawRoster } from '../api/withdraw-roster';

/** The server's minimum for a reason (`withdrawRosterSchema`). */
const MIN_REASON = 2;

/** Withdraws a roster with a reason: the record stays, marked withdrawn, and stops counting. */
export function WithdrawButton({ id }: { id: string }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const withdraw = useWithdrawRoster(id);
  return (
    <>
      <Button danger onClick={() => setOpen(true)} data-testid="roster-withdraw">
        {t('rnWithdraw')}
      </Button>
      <Modal
        open={open}
        title={t('rnWithdrawTitle')}
        okText={t('rnWithdraw')}
        okButtonProps={{ danger: true, disabled: reason.trim().length < MIN_REASON, loading: withdraw.isPending }}
        onCancel={() => setOpen(false)}
        onOk={() => withdraw.mutate(reason.trim(), { onSuccess: () => setOpen(false) })}
        destroyOnHidden
      >
        <p className="muted">{t('rnWithdrawHint')}</p>
        <Input.TextArea
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          maxLength={500}
          autoSize={{ minRows: 2, maxRows: 6 }}
          aria-label={t('reason')}
          data-testid="roster-withdraw-reason"
        />
        {withdraw.error && <Alert type="error" showIcon title={withdraw.error.message} style={{ marginTop: 8 }} />}
      </Modal>
    </>
  );
}
