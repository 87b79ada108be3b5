/**
 * The official-looking .xlsx form a department downloads, fills in and uploads again: title, 填报单位 and
 * 填报月份 lines, a two-row header (groups merged over their indicators), a row per county in catalogue
 * order, a 合计 row and the footer a statistics office expects. Subtotals (T, E, K) and 合计 are formulas so
 * the sheet adds up while people type; their cached results are written too, so the file reads back
 * (through `parseReportFile`) to the same rows without being opened in Excel first.
 *
 * @example
 * const xlsx = await buildTemplate({ catalogue, department: 'JYJ', month: '2020-03', rows: latest?.rows });
 */
import type { Borders, DataValidation, Fill } from 'exceljs';
import { loadExcelJs } from './load-exceljs';
import { formIndicators, type Catalogue, type Indicator } from '@lz/shared/catalogue';
import { roundValue, type ReportRow } from '@lz/shared/report-body';
import { cellAddress } from './grid';

export interface BuildTemplateInput {
  catalogue: Catalogue;
  department: string;
  /** YYYY-MM */
  month: string;
  /** Prefill (the latest stored version); counties without a row stay blank. */
  rows?: ReportRow[];
}

const TITLE_ROW = 0;
const INFO_ROW = 1;
const GROUP_ROW = 2;
const NAME_ROW = 3;
const FIRST_DATA_ROW = 4;

const thin: Partial<Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
const headerFill: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };

export async function buildTemplate({ catalogue, department, month, rows }: BuildTemplateInput): Promise<Buffer> {
  const { campaign } = catalogue;
  const form = formIndicators(catalogue, department);
  const lastCol = form.length; // 0-based: column 0 holds the county names
  const deptName = catalogue.departments.find((d) => d.code === department)?.name ?? department;
  const leadName =
    catalogue.departments.find((d) => d.code === campaign.leadDepartment)?.name ?? campaign.leadDepartment;

  const ExcelJS = await loadExcelJs();
  const wb = new ExcelJS.Workbook();
  wb.creator = campaign.name;
  // Excel and WPS recompute on open, so a prefilled sum never shows a stale cached value.
  wb.calcProperties = { fullCalcOnLoad: true };
  const ws = wb.addWorksheet('月报表', {
    views: [{ state: 'frozen', xSplit: 1, ySplit: FIRST_DATA_ROW }],
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const at = (r: number, c: number) => ws.getCell(cellAddress(r, c));
  const merge = (r1: number, c1: number, r2: number, c2: number) => {
    if (r1 !== r2 || c1 !== c2) ws.mergeCells(r1 + 1, c1 + 1, r2 + 1, c2 + 1);
  };
  ws.getColumn(1).width = 24;
  for (let c = 2; c <= lastCol + 1; c++) ws.getColumn(c).width = 12;

  // Title lines.
  merge(TITLE_ROW, 0, TITLE_ROW, lastCol);
  Object.assign(at(TITLE_ROW, 0), {
    value: `${campaign.city}职业技能提升行动培训情况月报表`,
    font: { bold: true, size: 16 },
    alignment: { horizontal: 'center', vertical: 'middle' },
  });
  ws.getRow(TITLE_ROW + 1).height = 30;
  const half = Math.max(1, Math.floor(lastCol / 2));
  merge(INFO_ROW, 0, INFO_ROW, half - 1);
  at(INFO_ROW, 0).value = `填报单位：${deptName}`;
  merge(INFO_ROW, half, INFO_ROW, lastCol);
  Object.assign(at(INFO_ROW, half), {
    value: `填报月份：${monthLabel(month)}      单位：人次、元`,
    alignment: { horizontal: 'right' },
  });

  // Two-row header: groups over runs of their indicators, short names with units beneath.
  merge(GROUP_ROW, 0, NAME_ROW, 0);
  at(GROUP_ROW, 0).value = '县（区）';
  const groupName = new Map(catalogue.groups.map((g) => [g.code, g.name]));
  for (let i = 0; i < form.length; ) {
    const group = form[i]?.group ?? '';
    let j = i;
    while (j + 1 < form.length && form[j + 1]?.group === group) j++;
    merge(GROUP_ROW, i + 1, GROUP_ROW, j + 1);
    at(GROUP_ROW, i + 1).value = groupName.get(group) ?? group;
    i = j + 1;
  }
  form.forEach((ind, i) => {
    at(NAME_ROW, i + 1).value = `${ind.shortName}\n（${ind.unit}）`;
  });
  for (const r of [GROUP_ROW, NAME_ROW]) {
    ws.getRow(r + 1).height = r === NAME_ROW ? 48 : 22;
    for (let c = 0; c <= lastCol; c++) {
      Object.assign(at(r, c), {
        font: { bold: true },
        fill: headerFill,
        border: thin,
        alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
      });
    }
  }

  // County rows, then 合计.
  const given = new Map((rows ?? []).map((row) => [row.county, row.values]));
  const column = new Map(form.map((ind, i) => [ind.code, i + 1]));
  const byCode = new Map(form.map((ind) => [ind.code, ind]));
  const units = catalogue.units;
  const totalRow = FIRST_DATA_ROW + units.length;
  const columnTotals = new Array<number>(form.length).fill(0);
  units.forEach((unit, u) => {
    const r = FIRST_DATA_ROW + u;
    const values = given.get(unit.code);
    Object.assign(at(r, 0), { value: unit.name, border: thin });
    // What Excel would compute: a subtotal is the sum of its parts on this form, recursively (T over E, K).
    const computed = (ind: Indicator): number => {
      const parts = sumParts(ind, column);
      if (parts.length === 0) return values?.[ind.code] ?? 0;
      return roundValue(parts.reduce((s, code) => s + computedOf(code), 0));
    };
    const computedOf = (code: string): number => {
      const part = byCode.get(code);
      return part ? computed(part) : 0;
    };
    form.forEach((ind, i) => {
      const c = i + 1;
      const cell = at(r, c);
      const parts = sumParts(ind, column);
      if (parts.length > 0) {
        cell.value = { formula: parts.map((p) => cellAddress(r, column.get(p) ?? 0)).join('+'), result: computed(ind) };
      } else {
        const v = values?.[ind.code];
        if (v !== undefined) cell.value = v;
        cell.dataValidation = validationFor(ind);
      }
      cell.numFmt = ind.valueType === 'money' ? '#,##0.00' : '#,##0';
      cell.border = thin;
      columnTotals[i] = roundValue((columnTotals[i] ?? 0) + computed(ind));
    });
  });
  Object.assign(at(totalRow, 0), {
    value: '合计',
    font: { bold: true },
    border: thin,
    alignment: { horizontal: 'center' },
  });
  form.forEach((ind, i) => {
    const c = i + 1;
    Object.assign(at(totalRow, c), {
      value: {
        formula: `SUM(${cellAddress(FIRST_DATA_ROW, c)}:${cellAddress(totalRow - 1, c)})`,
        result: columnTotals[i] ?? 0,
      },
      numFmt: ind.valueType === 'money' ? '#,##0.00' : '#,##0',
      font: { bold: true },
      border: thin,
    });
  });

  // Footer: who filled it in, and the deadline of 七(二) 统计管理制度.
  const footer = totalRow + 2;
  const third = Math.max(1, Math.floor((lastCol + 1) / 3));
  at(footer, 0).value = '填表人：';
  at(footer, third).value = '联系电话：';
  at(footer, third * 2).value = '填报日期：';
  const notes = [
    `说明：1. 本表由各责任单位按月填报，于次月${campaign.deadlineDayOfNextMonth}日前报送${leadName}；无培训的月份也须报送零报告。`,
    '2. 人次、人数等填整数，金额以元为单位、保留两位小数；没有发生的填 0。',
    '3. 补贴性培训合计＝企业职工培训小计＋就业重点群体培训小计；“其中”各项不得大于对应合计。',
  ];
  notes.forEach((text, k) => {
    merge(footer + 1 + k, 0, footer + 1 + k, lastCol);
    at(footer + 1 + k, 0).value = text;
  });

  return Buffer.from(await wb.xlsx.writeBuffer());
}

function monthLabel(month: string): string {
  const m = /^(\d{4})-(\d{2})$/u.exec(month);
  return m ? `${m[1]}年${Number(m[2])}月` : month;
}

/** Parts of a sum rule that are on this form (a form without some part sums what it has). */
function sumParts(ind: Indicator, column: Map<string, number>): string[] {
  const rule = (ind.hardRules ?? []).find((r) => r.type === 'sum');
  return rule && rule.type === 'sum' ? rule.of.filter((code) => column.has(code)) : [];
}

function validationFor(ind: Indicator): DataValidation {
  const integer = ind.valueType === 'integer';
  return {
    type: integer ? 'whole' : 'decimal',
    operator: 'greaterThanOrEqual',
    allowBlank: true,
    formulae: [0],
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: '输入有误',
    error: integer ? '请填写不小于 0 的整数' : '请填写不小于 0 的金额（元）',
  };
}
