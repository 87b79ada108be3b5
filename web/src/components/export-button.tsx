import { DownloadOutlined } from '@ant-design/icons';
import { message as antMessage, Button } from 'antd';
import { useState } from 'react';
import { exportXlsx, type SheetHeading, type SheetSpec } from '../lib/export-xlsx';
import { useI18n } from '../lib/i18n/i18n';

/**
 * Exports what a table shows; the sheets are built only when clicked. `heading` (title, as-of date, filters in
 * full) is written above every sheet, so the workbook says what it is without the screen beside it.
 */
export function ExportButton({
  fileName,
  sheets,
  disabled,
  heading,
}: {
  fileName: string;
  sheets: () => SheetSpec[];
  disabled?: boolean;
  heading?: () => SheetHeading;
}) {
  const { t } = useI18n();
  const [toast, toastHolder] = antMessage.useMessage();
  const [busy, setBusy] = useState(false);
  return (
    <>
      {toastHolder}
      <Button
        size="small"
        icon={<DownloadOutlined />}
        loading={busy}
        disabled={disabled}
        onClick={async () => {
          setBusy(true);
          try {
            await exportXlsx(fileName, sheets(), heading?.());
          } catch (e) {
            toast.error(e instanceof Error ? e.message : String(e));
          } finally {
            setBusy(false);
          }
        }}
      >
        {t('export')}
      </Button>
    </>
  );
}
