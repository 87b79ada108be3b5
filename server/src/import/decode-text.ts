/**
 * Bytes of a CSV to text without asking the reporter for an encoding. Excel on Chinese Windows saves
 * "CSV" as GBK, "CSV UTF-8" with a BOM, WPS and LibreOffice as plain UTF-8, and "Unicode text" as UTF-16
 * with a BOM; GBK bytes are almost never valid UTF-8, so strict UTF-8 first and GB18030 (a superset of
 * GBK) second tells them apart.
 */
import { badRequest } from '../errors';

export function decodeText(bytes: Uint8Array): string {
  const text = decodeAny(bytes);
  // Binary files that happen to decode (GB18030 accepts many byte pairs) still carry control characters.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point here.
  if (text === null || /[\u0000-\u0008\u000e-\u001f\u007f]/u.test(text)) {
    throw badRequest('无法识别的文件：请上传 .xlsx 或 .csv 格式的报表', 'not_a_spreadsheet');
  }
  return text;
}

function decodeAny(bytes: Uint8Array): string | null {
  const [b0, b1, b2] = bytes;
  // TextDecoder drops a UTF-8 BOM itself (ignoreBOM defaults to false); UTF-16 needs its BOM to be chosen.
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return strict('utf-8', bytes);
  if (b0 === 0xff && b1 === 0xfe) return strict('utf-16le', bytes);
  if (b0 === 0xfe && b1 === 0xff) return strict('utf-16be', bytes);
  return strict('utf-8', bytes) ?? strict('gb18030', bytes);
}

function strict(encoding: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}
