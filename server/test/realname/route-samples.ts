/** Requests of the 实名制 routes both the route-contract and the audit tests make. */
import { creditCheckCharacter } from '@lz/shared/realname/credit-code';
import type { Client } from '../test-app';
import { idOf } from './roster-fixtures';
import { rosterXlsx } from './roster-files';

/** A roster file of 市人社局 (one line), a JSON roster of short hours (one flag) and the person to look up. */
export const person = idOf('19880101', '211');
export const creditCode = `91450200MA5K00001${creditCheckCharacter('91450200MA5K00001')}`;

export async function uploadRoster(c: Client): Promise<Response> {
  const line = [
    1,
    '韦小强',
    '男',
    idOf('19900307', '123'),
    '农村转移就业劳动者',
    '否',
    '13812345678',
    '',
    '',
    1700,
    0,
    0,
  ];
  const form = new FormData();
  const bytes = await rosterXlsx([line], ['合计', '', '', '', '', '', '', '', '', 1700, 0, 0]);
  form.append('file', new File([new Uint8Array(bytes)], 'roster.xlsx'));
  return c.post('/api/rosters/file', form);
}
