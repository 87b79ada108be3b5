import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiRequestError } from './api-client';
import { invalidateAfterReportChange } from './reports/invalidate-report';

export type UploadState<T> =
  | { kind: 'idle' }
  | { kind: 'uploading'; percent: number; name: string }
  | { kind: 'failed'; error: ApiRequestError; name: string }
  | { kind: 'done'; result: T };

/**
 * One file sent with progress, its outcome kept for the page to show; a stored report refreshes every
 * report-derived query. Shared by the monthly upload and the history import.
 */
export function useFileUpload<T>(
  upload: (file: File, onProgress: (percent: number) => void) => Promise<T>,
  /** What a stored upload refreshes; by default every report-derived query. */
  afterStored: (client: QueryClient) => Promise<unknown> = invalidateAfterReportChange,
) {
  const client = useQueryClient();
  const [state, setState] = useState<UploadState<T>>({ kind: 'idle' });
  const start = (file: File) => {
    setState({ kind: 'uploading', percent: 0, name: file.name });
    upload(file, (percent) => setState({ kind: 'uploading', percent, name: file.name }))
      .then(async (result) => {
        setState({ kind: 'done', result });
        await afterStored(client);
      })
      .catch((e: unknown) =>
        setState({
          kind: 'failed',
          name: file.name,
          error: e instanceof ApiRequestError ? e : new ApiRequestError(0, 'error', String(e)),
        }),
      );
  };
  return { state, start };
}
