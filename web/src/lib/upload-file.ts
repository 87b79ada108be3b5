import { apiUrl, ApiRequestError, toApiError } from './api-client';
import { newIdempotencyKey } from './idempotency-key';

/**
 * Posts a file as multipart field `file` to an API path. XMLHttpRequest rather than fetch because only it
 * reports upload progress; failures become the same `ApiRequestError` the fetch wrapper throws.
 */
export function uploadFile<T>(
  path: string,
  file: File,
  onProgress: (percent: number) => void,
  signal?: AbortSignal,
  /** Other multipart fields sent before the file (a roster's `department` when the admin files it). */
  fields: Record<string, string> = {},
): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', apiUrl(path));
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    // One key per upload: a proxy or browser that repeats the request does not store a second version.
    xhr.setRequestHeader('idempotency-key', newIdempotencyKey());
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as T);
      else reject(toApiError(xhr.status, body));
    };
    xhr.onerror = () => reject(new ApiRequestError(0, 'network', '上传失败：无法连接服务器'));
    xhr.onabort = () => reject(new ApiRequestError(0, 'aborted', '上传已取消'));
    signal?.addEventListener('abort', () => xhr.abort());
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append('file', file, file.name);
    xhr.send(form);
  });
}
