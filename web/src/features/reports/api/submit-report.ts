import type { ReportVersion, SubmitReport } from '@lz/shared/api/reports';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { invalidateAfterReportChange } from '../../../lib/reports/invalidate-report';

export function submitReport(department: string, month: string, body: SubmitReport): Promise<ReportVersion> {
  return apiFetch<ReportVersion>(`/reports/${encodeURIComponent(department)}/${month}`, { method: 'POST', body });
}

export function useSubmitReport(department: string, month: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SubmitReport) => submitReport(department, month, body),
    onSuccess: () => invalidateAfterReportChange(client),
  });
}
