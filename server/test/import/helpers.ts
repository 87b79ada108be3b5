/** Shared fixtures and assertions for the import tests. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { formIndicators } from '@lz/shared/catalogue';
import type { ReportRow } from '@lz/shared/report-body';
import { loadCatalogue } from '../../src/catalogue';
import { AppError, tooManyProblems } from '../../src/errors';
import { parseReportFile, type ParsedReportFile } from '../../src/import/parse-report-file';

export const catalogue = loadCatalogue();
export const fixturesDir = fileURLToPath(new URL('../fixtures/', import.meta.url));

interface Dataset {
  rows: Record<string, Record<string, number>>;
  quirkBlankCells: { county: string; indicator: string; cell: string }[];
  totalMismatchCell: string;
}
/** The figures make-fixtures.py wrote into every fixture. */
export const dataset = JSON.parse(readFileSync(join(fixturesDir, 'dataset.json'), 'utf8')) as Dataset;

export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(fixturesDir, name)));
}

/** Reads a file and, like the upload route, refuses it with a 422 when any of its cells is wrong. */
export async function parse(
  bytes: Uint8Array,
  department = 'JYJ',
  fileName = 'report.xlsx',
): Promise<ParsedReportFile> {
  const parsed = await parseReportFile({ bytes, fileName, department, catalogue });
  if (parsed.problems.length > 0) throw tooManyProblems(parsed.problems, (count) => `文件中有 ${count}`);
  return parsed;
}

export function parseFixture(name: string, department = 'JYJ'): Promise<ParsedReportFile> {
  return parse(fixture(name), department, name);
}

/** The dataset's rows restricted to a department's form, in catalogue county order. */
export function expectedRows(department: string): ReportRow[] {
  const codes = formIndicators(catalogue, department).map((i) => i.code);
  return catalogue.units.map((u) => ({
    county: u.code,
    values: Object.fromEntries(codes.map((code) => [code, dataset.rows[u.code]![code]!])),
  }));
}

export function sortRows(rows: ReportRow[]): ReportRow[] {
  const order = new Map(catalogue.units.map((u, i) => [u.code, i]));
  return [...rows].sort((a, b) => (order.get(a.county) ?? 99) - (order.get(b.county) ?? 99));
}

/** Awaits a rejection and checks it is an AppError with this status and code (never anything else). */
export async function expectAppError(promise: Promise<unknown>, status: number, code: string): Promise<AppError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err, 'expected the promise to reject').not.toBeNull();
  expect(err).toBeInstanceOf(AppError);
  const appError = err as AppError;
  expect({ status: appError.status, code: appError.code }).toEqual({ status, code });
  expect(appError.message).toMatch(/[\u4e00-\u9fff]/u);
  return appError;
}

/** CSV bytes from rows of fields (UTF-8, comma, CRLF); fields are quoted when they need it. */
export function csv(rows: (string | number)[][], sep = ','): Uint8Array {
  const quote = (f: string | number) => {
    const s = String(f);
    return /[",\r\n;\t]/u.test(s) ? `"${s.replace(/"/gu, '""')}"` : s;
  };
  return new TextEncoder().encode(rows.map((r) => r.map(quote).join(sep)).join('\r\n'));
}
