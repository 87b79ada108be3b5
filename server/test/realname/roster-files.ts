/** Roster files as offices keep them, built in the test: .xlsx (exceljs), .xls (SheetJS) and GBK .csv. */
import * as XLSX from '@e965/xlsx';
import ExcelJS from 'exceljs';

export const HEADER = [
  '序号',
  '姓名',
  '性别',
  '身份证号码',
  '人员类别',
  '是否贫困劳动力',
  '联系电话',
  '证书类型',
  '证书编号',
  '培训补贴（元）',
  '生活费补贴（元）',
  '鉴定补贴（元）',
];

export type Line = (string | number)[];

/** An .xlsx with a merged title, labels beside their values in merged cells, a date cell, 合计 and a footer. */
export async function rosterXlsx(lines: Line[], total: Line, idAsNumberAt: number | null = null): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('填表说明').getCell('A1').value = '请按实名制要求填写';
  const ws = wb.addWorksheet('花名册');
  ws.getCell('A1').value = '柳州市2020年就业技能培训学员花名册';
  ws.mergeCells('A1:L1');
  ws.getCell('A2').value = '主管部门：市人力资源社会保障局';
  ws.mergeCells('A2:F2');
  ws.getCell('G2').value = '培训机构：';
  ws.mergeCells('G2:H2');
  ws.getCell('I2').value = '柳州市第二职业技术学校';
  ws.mergeCells('I2:L2');
  ws.getCell('A3').value = '培训类型：就业技能培训    培训职业（工种）：电工';
  ws.mergeCells('A3:F3');
  ws.getCell('G3').value = '培训等级';
  ws.getCell('H3').value = '四级/中级工';
  ws.getCell('A4').value = '培训地点：鱼峰区';
  ws.getCell('D4').value = '开班日期';
  ws.getCell('E4').value = new Date(Date.UTC(2020, 2, 2));
  ws.getCell('G4').value = '结业日期：2020年3月27日';
  ws.getCell('J4').value = '课时：120';
  ws.addRow(HEADER);
  for (const [i, line] of lines.entries()) {
    const row = ws.addRow(line);
    // Excel turns a typed ID into a number when the column is not text: its last digits are gone.
    if (i === idAsNumberAt) row.getCell(4).value = Number(String(line[3]).slice(0, 15)) * 1000;
  }
  ws.addRow([lines.length + 1]);
  ws.addRow(total);
  ws.addRow([]);
  ws.addRow(['填表人：李明', '', '', '审核人：王芳', '', '', '日期：2020年4月2日']);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The same roster as an old .xls (BIFF8), the title's values in the next, merged cell. */
export function rosterXls(lines: Line[], total: Line): Uint8Array {
  const rows: Line[] = [
    ['柳州市2020年就业技能培训学员花名册'],
    ['主管部门', '市人力资源社会保障局', '', '', '培训机构', '柳州市第二职业技术学校'],
    ['培训类型', '就业技能培训', '', '', '培训职业(工种)', '电工'],
    ['培训等级', '四级', '', '', '培训地点', '柳州市鱼峰区'],
    ['培训时间', '2020.3.2-2020.3.27', '', '', '课时', 120],
    HEADER,
    ...lines,
    total,
    ['填表人：李明  审核人：王芳'],
  ];
  const ws = XLSX.utils.aoa_to_sheet(rows);
  ws['!merges'] = [
    XLSX.utils.decode_range('A1:L1'),
    XLSX.utils.decode_range('B2:D2'),
    XLSX.utils.decode_range('F2:L2'),
  ];
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, 'Sheet1');
  return new Uint8Array(XLSX.write(wb, { type: 'buffer', bookType: 'xls' }) as Buffer);
}

/** A CSV saved by Excel on Chinese Windows: GBK bytes, title lines, header, lines, 合计 and footer. */
export function rosterGbkCsv(lines: Line[], total: Line): Uint8Array {
  const rows: Line[] = [
    ['柳州市2020年就业技能培训学员花名册'],
    ['主管部门：市人力资源社会保障局', '', '', '', '', '培训机构：柳州市第二职业技术学校'],
    ['培训类型：就业技能培训', '', '', '', '', '培训职业(工种)：电工', '', '', '培训等级：四级/中级工'],
    ['培训地点：鱼峰区', '', '', '', '', '开班日期：2020/3/2', '', '', '结业日期：2020/3/27', '', '课时：120'],
    HEADER,
    ...lines,
    total,
    ['填表人：李明', '', '', '审核人：王芳'],
  ];
  const text = rows.map((r) => r.map((v) => (String(v).includes(',') ? `"${v}"` : String(v))).join(',')).join('\r\n');
  return encodeGbk(`${text}\r\n`);
}

let gbkTable: Map<string, number[]> | null = null;

/** Node has a GBK decoder but no encoder: the table is the decoder run over every double-byte code. */
function encodeGbk(text: string): Uint8Array {
  if (!gbkTable) {
    gbkTable = new Map();
    const decoder = new TextDecoder('gbk');
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const ch = decoder.decode(new Uint8Array([lead, trail]));
        if (ch.length === 1 && ch !== '\ufffd' && !gbkTable.has(ch)) gbkTable.set(ch, [lead, trail]);
      }
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x80) bytes.push(code);
    else bytes.push(...(gbkTable.get(ch) ?? [0x3f]));
  }
  return new Uint8Array(bytes);
}
