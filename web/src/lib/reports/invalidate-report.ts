import type { QueryClient } from '@tanstack/react-query';
import { queryKeys } from '../query-keys';

/** A submission, review or import changes the report, the lists and every figure built from reports. */
export function invalidateAfterReportChange(client: QueryClient): Promise<void> {
  return Promise.all([
    client.invalidateQueries({ queryKey: queryKeys.reports.all }),
    client.invalidateQueries({ queryKey: queryKeys.progress.all }),
    // Filing a month ends its reminders.
    client.invalidateQueries({ queryKey: queryKeys.reminders.all }),
  ]).then(() => undefined);
}
