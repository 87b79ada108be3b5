import type { QueryClient } from '@tanstack/react-query';

/** A submission or review changes the report, the lists and every figure built from reports. */
export function invalidateAfterReportChange(client: QueryClient): Promise<void> {
  return Promise.all([
    client.invalidateQueries({ queryKey: ['reports'] }),
    client.invalidateQueries({ queryKey: ['progress'] }),
  ]).then(() => undefined);
}
