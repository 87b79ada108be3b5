/**
 * Zip-bomb guard for .xlsx uploads, run before exceljs (which inflates every part into memory) sees the
 * bytes. A 5 MiB upload can declare gigabytes of XML; we read the central directory, refuse what it
 * declares past the limits, then inflate each entry with a hard output cap, because the sizes in the
 * directory are written by the sender and may lie. Each entry's CRC-32 is checked too, stored ones included:
 * a part whose bytes were altered (four digits of a figure in a stored sheet) is refused, not read. The
 * inflated parts are handed on, so the sheet scan and exceljs never inflate them a second time.
 */
import { crc32, inflateRawSync } from 'node:zlib';
import { badRequest, tooLarge } from '../errors';

/** A genuine monthly report is a few hundred KiB unpacked; 50 MiB leaves room for styles and images. */
export const MAX_UNCOMPRESSED_BYTES = 50 * 1024 * 1024;
/** Real xlsx XML compresses 5–30×; 200× on a part bigger than 1 MiB is a constructed file. */
export const MAX_RATIO = 200;
const RATIO_FLOOR_BYTES = 1024 * 1024;
/** Unanchored, as exceljs matches part names (it would read "x/xl/worksheets/sheet1.xml" as a sheet too). */
const SHEET_XML = /worksheets\/|sharedStrings|^content\.xml$/iu;
const MAX_ENTRIES = 5000;

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
  /** CRC-32 of the unpacked bytes, as the central directory declares it. */
  crc: number;
}

export interface InflatedEntry extends ZipEntry {
  data: Uint8Array;
}

const corrupt = () => badRequest('文件已损坏或不完整，请在 Excel/WPS 中重新另存为 .xlsx 后上传', 'corrupt_workbook');
const bomb = () => tooLarge('文件解压后过大，不像是月报表，已拒绝');

/** Checks the archive and returns its entries, unpacked; throws 400 corrupt_workbook / encrypted_workbook or 413. */
export function guardZip(bytes: Uint8Array): InflatedEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = readCentralDirectory(bytes, view);
  let declared = 0;
  for (const e of entries) {
    declared += e.uncompressedSize;
    if (declared > MAX_UNCOMPRESSED_BYTES) throw bomb();
    if (e.uncompressedSize > RATIO_FLOOR_BYTES && e.uncompressedSize / Math.max(e.compressedSize, 1) > MAX_RATIO)
      throw bomb();
  }
  let actual = 0;
  return entries.map((e) => {
    const data = inflate(bytes, view, e, MAX_UNCOMPRESSED_BYTES - actual);
    // Every size is checked against what inflates, so declared sizes (see `sheetXmlBytes`) cannot understate.
    if (data.length !== e.uncompressedSize) throw corrupt();
    if (crc32(data) !== e.crc) throw corrupt();
    actual += data.length;
    return { ...e, data };
  });
}

/**
 * The declared unpacked size of the cell data (worksheets and shared strings), from the central directory
 * only; 0 when the archive is unreadable (`guardZip` then names the problem). `guardZip` later refuses an
 * entry that inflates to anything but its declared size, so a lie here ends as corrupt_workbook.
 */
export function sheetXmlBytes(bytes: Uint8Array): number {
  try {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    return readCentralDirectory(bytes, view)
      .filter((e) => SHEET_XML.test(e.name))
      .reduce((sum, e) => sum + e.uncompressedSize, 0);
  } catch {
    return 0;
  }
}

function readCentralDirectory(bytes: Uint8Array, view: DataView): ZipEntry[] {
  const eocd = findEndOfCentralDirectory(view);
  if (eocd < 0) throw corrupt();
  let count = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || offset === 0xffffffff) {
    // ZIP64: the real figures sit in the ZIP64 end record named by the locator just before the classic one.
    const locator = eocd - 20;
    if (locator < 0 || view.getUint32(locator, true) !== 0x07064b50) throw corrupt();
    const record = safeNumber(view.getBigUint64(locator + 8, true));
    if (record + 56 > bytes.length || view.getUint32(record, true) !== 0x06064b50) throw corrupt();
    count = safeNumber(view.getBigUint64(record + 32, true));
    offset = safeNumber(view.getBigUint64(record + 48, true));
  }
  if (count > MAX_ENTRIES) throw bomb();
  const entries: ZipEntry[] = [];
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50) throw corrupt();
    const flags = view.getUint16(p + 8, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    if (p + 46 + nameLength + extraLength > bytes.length) throw corrupt();
    // Bit 0: the entry is encrypted with zip's own password scheme (Office never does this; some tools do).
    if (flags & 1) throw badRequest('文件已加密，请取消密码后另存为 .xlsx 再上传', 'encrypted_workbook');
    const entry: ZipEntry = {
      name: new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLength)),
      method: view.getUint16(p + 10, true),
      compressedSize: view.getUint32(p + 20, true),
      uncompressedSize: view.getUint32(p + 24, true),
      localHeaderOffset: view.getUint32(p + 42, true),
      crc: view.getUint32(p + 16, true),
    };
    applyZip64Extra(view, p + 46 + nameLength, extraLength, entry);
    entries.push(entry);
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The classic end record is the last 22 bytes plus a comment of up to 64 KiB. */
function findEndOfCentralDirectory(view: DataView): number {
  const last = view.byteLength - 22;
  for (let p = last; p >= 0 && p >= last - 0xffff; p--) {
    if (view.getUint32(p, true) === 0x06054b50) return p;
  }
  return -1;
}

/** Saturated 32-bit fields are replaced, in order, by the 64-bit values of extra field 0x0001. */
function applyZip64Extra(view: DataView, start: number, length: number, entry: ZipEntry): void {
  for (let p = start; p + 4 <= start + length; ) {
    const id = view.getUint16(p, true);
    const size = view.getUint16(p + 2, true);
    if (id === 0x0001) {
      let q = p + 4;
      const next = () => {
        if (q + 8 > p + 4 + size) throw corrupt();
        const v = safeNumber(view.getBigUint64(q, true));
        q += 8;
        return v;
      };
      if (entry.uncompressedSize === 0xffffffff) entry.uncompressedSize = next();
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = next();
      if (entry.localHeaderOffset === 0xffffffff) entry.localHeaderOffset = next();
      return;
    }
    p += 4 + size;
  }
}

function inflate(bytes: Uint8Array, view: DataView, e: ZipEntry, budget: number): Uint8Array {
  const p = e.localHeaderOffset;
  if (p + 30 > bytes.length || view.getUint32(p, true) !== 0x04034b50) throw corrupt();
  const start = p + 30 + view.getUint16(p + 26, true) + view.getUint16(p + 28, true);
  const end = start + e.compressedSize;
  if (end > bytes.length) throw corrupt();
  const data = bytes.subarray(start, end);
  if (e.method === 0) {
    if (data.length > budget) throw bomb();
    return data;
  }
  if (e.method !== 8) throw corrupt();
  let out: Buffer;
  try {
    // maxOutputLength makes zlib stop at the budget instead of trusting the declared size.
    out = inflateRawSync(data, { maxOutputLength: Math.max(budget, 1) });
  } catch (err) {
    if (err instanceof RangeError || (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw bomb();
    throw corrupt();
  }
  if (out.length > RATIO_FLOOR_BYTES && out.length / Math.max(data.length, 1) > MAX_RATIO) throw bomb();
  return out;
}

function safeNumber(n: bigint): number {
  if (n > BigInt(Number.MAX_SAFE_INTEGER)) throw corrupt();
  return Number(n);
}
