import { Alert, Button, Input, Space } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../lib/i18n/i18n';
import type { StoredFlag } from '../api/answers';
import { useResolveFlag } from '../api/resolve-flag';

/** The server's minimum for a note (`resolveFlagSchema`): a decision is never taken without a reason. */
const MIN_NOTE = 2;

/** Confirm (which opens a 督查 finding) or dismiss an open flag, always with a note. */
export function FlagResolve({ flag }: { flag: StoredFlag }) {
  const { t } = useI18n();
  const [note, setNote] = useState('');
  const resolve = useResolveFlag();
  const ready = note.trim().length >= MIN_NOTE;
  const send = (decision: 'confirm' | 'dismiss') => resolve.mutate({ id: flag.id, decision, note: note.trim() });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Input.TextArea
        value={note}
        onChange={(e) => setNote(e.target.value)}
        placeholder={t('rnNotePlaceholder')}
        autoSize={{ minRows: 2, maxRows: 6 }}
        maxLength={2000}
        aria-label={t('rnNote')}
        data-testid={`flag-note-${flag.id}`}
      />
      <Space wrap>
        <Button
          danger
          type="primary"
          disabled={!ready}
          loading={resolve.isPending && resolve.variables?.decision === 'confirm'}
          onClick={() => send('confirm')}
          data-testid={`flag-confirm-${flag.id}`}
        >
          {t('rnConfirmFlag')}
        </Button>
        <Button
          disabled={!ready}
          loading={resolve.isPending && resolve.variables?.decision === 'dismiss'}
          onClick={() => send('dismiss')}
          data-testid={`flag-dismiss-${flag.id}`}
        >
          {t('rnDismissFlag')}
        </Button>
      </Space>
      {resolve.error && <Alert type="error" showIcon title={resolve.error.message} />}
    </Space>
  );
}
