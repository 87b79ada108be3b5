/**
 * Hostile uploads, generated from a seed so every failure reproduces: the department's own template (or a
 * valid CSV) with one thing made hostile — merges of several shapes, row and cell indexes past the grid,
 * negative or garbage, floods of merges and shared strings, deep nesting, enormous attributes, expansion
 * bait exceljs would follow (data validations, column ranges, defined names), truncated or bit-flipped zips,
 * CRC mismatches — and CSVs of blank lines, commas, unclosed quotes, giant lines, NULs and mixed
 * encodings. Used by server/test/reports-file-fuzz.test.ts (a sample) and `pnpm fuzz` (a thousand over HTTP).
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';

export interface HostileFile {
  /** What was done, for the summary and to reproduce a failure (with the seed and index). */
  kind: string;
  name: string;
  bytes: Uint8Array;
}

export interface Seeds {
  /** A genuine .xlsx the app itself serves (GET …/template.xlsx or `buildTemplate`). */
  template: Uint8Array;
  /** A genuine CSV of the same form. */
  csv: string;
}

/** mulberry32: small, fast, and the same sequence on every machine. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SHEET = 'xl/worksheets/sheet1.xml';

export function unzipParts(xlsx: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(xlsx);
}

/** Re-zips parts; `stored` writes them uncompressed (method 0), where a changed byte is a changed figure. */
export function zipParts(parts: Record<string, Uint8Array>, stored = false): Uint8Array {
  return zipSync(parts as Zippable, { level: stored ? 0 : 6 });
}

/** The template with its first sheet's XML rewritten. */
export function editSheet(xlsx: Uint8Array, edit: (xml: string) => string, part = SHEET): Uint8Array {
  const parts = unzipParts(xlsx);
  parts[part] = strToU8(edit(strFromU8(parts[part]!)));
  return zipParts(parts);
}

/** Adds merges after the template's own (or a <mergeCells> block when there is none). */
export function addMerges(xml: string, refs: string[]): string {
  const cells = refs.map((r) => `<mergeCell ref="${r}"/>`).join('');
  return xml.includes('</mergeCells>')
    ? xml.replace('</mergeCells>', `${cells}</mergeCells>`)
    : xml.replace('</sheetData>', `</sheetData><mergeCells count="${refs.length}">${cells}</mergeCells>`);
}

/** Adds one row (with one filled cell) at the end of sheetData. */
export function addRow(xml: string, r: string, cellRef: string | null = null, value = '1'): string {
  const c = cellRef === null ? `<c><v>${value}</v></c>` : `<c r="${cellRef}"><v>${value}</v></c>`;
  return xml.replace('</sheetData>', `<row r="${r}">${c}</row></sheetData>`);
}

/** Column letters of a 1-based column. */
export function colName(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

type Maker = (r: () => number, s: Seeds) => { kind: string; bytes: Uint8Array; ext?: 'xlsx' | 'csv' };

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const int = (r: () => number, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const text = (s: string) => new TextEncoder().encode(s);

const MAKERS: Maker[] = [
  (r, s) => {
    const ref = pick(r, [
      'A1:XFD1048576',
      'D5:D5000000',
      'D5:D1048576',
      'A1:XFD1',
      'A1:ZZ2000',
      'B30:CV90',
      'A1:A1048577',
      'XFD1048576:A1',
    ]);
    return { kind: `merge-bomb ${ref}`, bytes: editSheet(s.template, (x) => addMerges(x, [ref])) };
  },
  (r, s) => {
    const row = pick(r, [
      '2147483648',
      '1048577',
      '99999999999999999999',
      '-1',
      '0',
      'abc',
      '1e9',
      '0x10',
      '',
      ' 7',
      '1'.repeat(int(r, 40, 200_000)),
      '4294967295',
      '1001',
      '5000',
    ]);
    return { kind: `row-index ${row.slice(0, 24)}`, bytes: editSheet(s.template, (x) => addRow(x, row)) };
  },
  (r, s) => {
    const ref = pick(r, [
      'XFD1',
      'XFE1',
      'A0',
      'AAAAA1',
      'A-1',
      'a30',
      '$A$30',
      'GS30',
      'A1048576',
      'ZZZZ9',
      '1A',
      `${'A'.repeat(int(r, 10, 100_000))}1`,
      'B2147483648',
    ]);
    return { kind: `cell-ref ${ref.slice(0, 24)}`, bytes: editSheet(s.template, (x) => addRow(x, '30', ref)) };
  },
  (r, s) => {
    const n = int(r, 400, 8000);
    const refs = Array.from(
      { length: n },
      (_, i) =>
        `${colName(2 * (i % 90) + 1)}${30 + Math.floor(i / 90)}:${colName(2 * (i % 90) + 2)}${30 + Math.floor(i / 90)}`,
    );
    return { kind: `many-merges ${n}`, bytes: editSheet(s.template, (x) => addMerges(x, refs)) };
  },
  (r, s) => {
    const n = int(r, 150_000, 400_000);
    const flood = '<si><t>x</t></si>'.repeat(n);
    return {
      kind: `shared-strings ${n}`,
      bytes: editSheet(s.template, (x) => x.replace('</sst>', `${flood}</sst>`), 'xl/sharedStrings.xml'),
    };
  },
  (r, s) => {
    const depth = int(r, 1000, 200_000);
    return {
      kind: `nesting ${depth}`,
      bytes: editSheet(s.template, (x) =>
        x.replace('</sheetData>', `${'<x>'.repeat(depth)}${'</x>'.repeat(depth)}</sheetData>`),
      ),
    };
  },
  (r, s) => {
    const size = int(r, 100_000, 3_000_000);
    const where = pick(r, ['worksheet', 'row', 'c', 'mergeCell']);
    const attr = ` data="${'z'.repeat(size)}"`;
    const edit = (x: string) =>
      where === 'worksheet'
        ? x.replace('<worksheet ', `<worksheet${attr} `)
        : where === 'row'
          ? x.replace('<row ', `<row${attr} `)
          : where === 'c'
            ? x.replace('<c ', `<c${attr} `)
            : addMerges(x, ['A40:B40']).replace('<mergeCell ', `<mergeCell${attr} `);
    return { kind: `attribute ${where} ${size}`, bytes: editSheet(s.template, edit) };
  },
  (r, s) => {
    const bait = pick(r, ['validation', 'cols', 'definedName', 'dimension', 'control']);
    if (bait === 'definedName') {
      return {
        kind: 'bait definedName',
        bytes: editSheet(
          s.template,
          (x) => {
            const name = '<definedName name="big">Sheet1!$A$1:$XFD$1048576</definedName>';
            return x.includes('</definedNames>')
              ? x.replace('</definedNames>', `${name}</definedNames>`)
              : x.replace('</sheets>', `</sheets><definedNames>${name}</definedNames>`);
          },
          'xl/workbook.xml',
        ),
      };
    }
    const edit = (x: string) => {
      switch (bait) {
        case 'validation': {
          const dv =
            '<dataValidations count="1"><dataValidation type="list" ' +
            'sqref="A1:XFD1048576"><formula1>"a,b"</formula1></dataValidation></dataValidations>';
          const after = x.includes('</mergeCells>') ? '</mergeCells>' : '</sheetData>';
          return x.replace(after, `${after}${dv}`);
        }
        case 'cols':
          return x.replace(/<cols>[\s\S]*?<\/cols>/u, '<cols><col min="1" max="2147483647" width="9"/></cols>');
        case 'dimension':
          return x.replace(
            /<dimension ref="[^"]*"\/>/u,
            `<dimension ref="${pick(r, ['A1:XFD1048576', 'A1:XFE1048577', 'A1:B', 'garbage'])}"/>`,
          );
        default:
          return x;
      }
    };
    return { kind: `bait ${bait}`, bytes: editSheet(s.template, edit) };
  },
  (r, s) => {
    const cut = int(r, 1, s.template.length - 1);
    return { kind: `truncated ${cut}`, bytes: s.template.slice(0, cut) };
  },
  (r, s) => {
    const bytes = s.template.slice();
    const flips = int(r, 1, 16);
    for (let i = 0; i < flips; i++) {
      const p = int(r, 0, bytes.length - 1);
      bytes[p] = bytes[p]! ^ (1 << int(r, 0, 7));
    }
    return { kind: `bit-flip ${flips}`, bytes };
  },
  (r, s) => {
    // Stored parts with a digit changed in place: every size still right, only the CRC tells.
    const stored = zipParts(unzipParts(s.template), true);
    const xml = new TextDecoder('latin1').decode(stored);
    const at = xml.indexOf('<v>', int(r, 0, Math.max(0, xml.length - 100)));
    const bytes = stored.slice();
    const p = at >= 0 ? at + 3 : int(r, 0, bytes.length - 1);
    bytes[p] = bytes[p] === 0x39 ? 0x31 : 0x39;
    return { kind: 'crc-mismatch', bytes };
  },
  (r, s) => {
    // Random damage inside the XML, re-zipped with honest CRCs: the XML parser itself must cope.
    const edit = (x: string) => {
      const chars = x.split('');
      for (let i = int(r, 1, 40); i > 0; i--)
        chars[int(r, 0, chars.length - 1)] = pick(r, ['<', '>', '"', '&', '/', '\u0000', '9', ' ', '=']);
      return chars.join('');
    };
    return { kind: 'xml-damage', bytes: editSheet(s.template, edit) };
  },
  (r, s) => {
    const n = int(r, 210, 4_000_000 / 40);
    return { kind: `csv-blank-lines ${n}`, bytes: text(`${'\n'.repeat(n)}${s.csv}`), ext: 'csv' };
  },
  (r, s) => {
    const n = int(r, 1001, 1_000_000 / 8);
    return { kind: `csv-comma-lines ${n}`, bytes: text(`${s.csv}\r\n${',\r\n'.repeat(n)}`), ext: 'csv' };
  },
  (r, s) => ({
    kind: 'csv-unclosed-quote',
    bytes: text(`${s.csv}\r\n"${'x,'.repeat(int(r, 10, 200_000))}`),
    ext: 'csv',
  }),
  (r) => ({
    kind: 'csv-giant-line',
    bytes: text(pick(r, [',', 'a', ';', '\t', '"",']).repeat(int(r, 70_000, 2_000_000))),
    ext: 'csv',
  }),
  (r, s) => {
    const at = int(r, 0, s.csv.length);
    return { kind: 'csv-nul', bytes: text(`${s.csv.slice(0, at)}\u0000${s.csv.slice(at)}`), ext: 'csv' };
  },
  (r, s) => {
    const variant = pick(r, ['gbk-in-utf8', 'utf16-odd', 'utf16be-bom', 'bom-only', 'latin1']);
    const utf8 = text(s.csv);
    const bytes =
      variant === 'gbk-in-utf8'
        ? new Uint8Array([...utf8.slice(0, 40), 0xc4, 0xe3, 0xba, 0xc3, ...utf8.slice(40)])
        : variant === 'utf16-odd'
          ? new Uint8Array([0xff, 0xfe, ...Buffer.from(s.csv, 'utf16le'), 0x41])
          : variant === 'utf16be-bom'
            ? new Uint8Array([0xfe, 0xff, ...Buffer.from(s.csv, 'utf16le')])
            : variant === 'bom-only'
              ? new Uint8Array([0xef, 0xbb, 0xbf])
              : new Uint8Array(Array.from({ length: int(r, 10, 5000) }, () => int(r, 0x80, 0xff)));
    return { kind: `csv-encoding ${variant}`, bytes, ext: 'csv' };
  },
  (r, s) => {
    const lines = s.csv.split('\r\n');
    while (lines.length <= 1000) lines.push(lines[lines.length - 1]!);
    return { kind: 'csv-too-many-rows', bytes: text(lines.join(pick(r, ['\r\n', '\n', '\r']))), ext: 'csv' };
  },
  (r, s) => ({
    kind: 'csv-wide',
    bytes: text(s.csv.replace('\r\n', `${',x'.repeat(int(r, 200, 3000))}\r\n`)),
    ext: 'csv',
  }),
];

/** `count` files from `seed`; the i-th file is the same on every run. */
export function* hostileFiles(seeds: Seeds, seed: number, count: number): Generator<HostileFile> {
  for (let i = 0; i < count; i++) {
    const r = rng(seed * 100_003 + i);
    const make = MAKERS[i % MAKERS.length]!;
    const { kind, bytes, ext = 'xlsx' } = make(r, seeds);
    yield { kind, name: `fuzz-${seed}-${i}.${ext}`, bytes };
  }
}

export const MAKER_COUNT = MAKERS.length;
