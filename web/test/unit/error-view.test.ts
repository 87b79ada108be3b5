import { describe, expect, it } from 'vitest';
import { ApiRequestError } from '../../src/lib/api-client';
import { errorView, shouldRetry } from '../../src/lib/error-view';

describe('errorView: how a failed load is shown', () => {
  it('a lost connection says so and offers 重试, and the client keeps retrying', () => {
    const e = new ApiRequestError(0, 'network', '无法连接服务器，请检查网络');
    expect(errorView(e)).toMatchObject({ kind: 'offline', retry: true });
    expect(shouldRetry(5, e)).toBe(true);
  });
  it('a permission error offers no 重试 and is never retried', () => {
    const e = new ApiRequestError(403, 'forbidden', '只能查看本单位的报表');
    expect(errorView(e)).toEqual({ kind: 'forbidden', retry: false, message: '只能查看本单位的报表' });
    expect(shouldRetry(0, e)).toBe(false);
  });
  it('an unknown department or month says so, without 重试', () => {
    expect(errorView(new ApiRequestError(404, 'not_found', '未知的责任单位代码 XXX'))).toMatchObject({
      kind: 'not_found',
      retry: false,
      message: '未知的责任单位代码 XXX',
    });
    const month = new ApiRequestError(400, 'month_outside_window', '2099-01 不在行动期 2019-08 至 2021-12 内');
    expect(errorView(month)).toMatchObject({ kind: 'invalid', retry: false });
  });
  it('a server error is retried twice, then offers 重试', () => {
    const e = new ApiRequestError(500, 'internal', '服务器错误');
    expect(shouldRetry(1, e)).toBe(true);
    expect(shouldRetry(2, e)).toBe(false);
    expect(errorView(e).retry).toBe(true);
  });
});
