/**
 * What kind of file the bytes are, from their first bytes rather than the name: people rename a .xls or a
 * PDF to .xlsx, and an .xlsx downloaded through some mail clients loses its extension.
 */
export type FileKind = 'empty' | 'zip' | 'ole2' | 'binary' | 'text';

const starts = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

// Formats people mistake for spreadsheets: PDF, PNG, JPEG, GIF, gzip, RAR, 7z. (Others still fail text decoding.)
const OTHER_BINARY = [
  [0x25, 0x50, 0x44, 0x46],
  [0x89, 0x50, 0x4e, 0x47],
  [0xff, 0xd8, 0xff],
  [0x47, 0x49, 0x46, 0x38],
  [0x1f, 0x8b],
  [0x52, 0x61, 0x72, 0x21],
  [0x37, 0x7a, 0xbc, 0xaf],
];

export function sniffFile(bytes: Uint8Array): FileKind {
  if (bytes.length === 0) return 'empty';
  // Local file header, or the end record of an empty archive.
  if (starts(bytes, [0x50, 0x4b, 0x03, 0x04]) || starts(bytes, [0x50, 0x4b, 0x05, 0x06])) return 'zip';
  if (starts(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole2';
  if (OTHER_BINARY.some((magic) => starts(bytes, magic))) return 'binary';
  return 'text';
}

/**
 * An Office file saved with a password is an OLE2 container holding the streams "EncryptionInfo" and
 * "EncryptedPackage"; a plain old .xls holds "Workbook". The stream names sit in the directory as UTF-16LE.
 */
export function isEncryptedOle2(bytes: Uint8Array): boolean {
  const needle = Buffer.from('EncryptionInfo', 'utf16le');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(needle);
}
