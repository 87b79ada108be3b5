/**
 * Every limit an uploaded spreadsheet is read under, in one place. Each is checked while the file is read
 * (the sheet XML scan before exceljs, the CSV splitter as it goes), so a hostile file is refused at the
 * first element past a budget instead of after it has been expanded in memory. Each importer passes its
 * own `ReadBudget` (monthly form, history file, later rosters); the worker that reads the file has its own
 * memory and time ceiling on top (read-pool.ts), for whatever these scans do not foresee.
 * docs/operations.md ("Threat model", uploaded files) lists them for operators.
 */
import { MAX_COLUMNS, MAX_ROWS } from './grid';

/** Excel's grid: no real writer emits a row or column past it, so anything beyond is a constructed file. */
export const EXCEL_MAX_ROWS = 1_048_576;
export const EXCEL_MAX_COLUMNS = 16_384;

export interface ReadBudget {
  /** Rows of the table's sheet a reader may hold; a row with content past it is refused, not cut off. */
  maxRows: number;
  /** Columns (grid.ts MAX_COLUMNS for every importer: a form has about thirty). */
  maxColumns: number;
  /** `<c>` elements in all worksheets together; exceljs builds an object of a few hundred bytes per cell. */
  maxCells: number;
  /** `<si>` entries of the shared-string table; each becomes a string exceljs keeps for the whole read. */
  maxSharedStrings: number;
}

/** The monthly form: a dozen county rows, some title and footer lines; room for a roster sheet beside it. */
export const MONTHLY_BUDGET: ReadBudget = {
  maxRows: MAX_ROWS,
  maxColumns: MAX_COLUMNS,
  maxCells: 200_000,
  maxSharedStrings: 200_000,
};

/**
 * exceljs expands a merge into one cell object per covered cell (A1:XFD1048576 is 17 billion: the heap
 * runs out), and compares every merge with every other (many tiny merges are quadratic). A real form
 * merges a title across a row and a two-row header: a few dozen merges of tens of cells.
 */
export const MAX_MERGES_PER_SHEET = 500;
/** A title across 30 columns is 30 cells; a label merged down a roster column a few hundred. */
export const MAX_MERGE_AREA = 5_000;
/** All merges of one sheet together, which is what exceljs allocates. */
export const MAX_MERGED_CELLS_PER_SHEET = 50_000;
/**
 * A `r="…"` attribute is a few characters; an enormous one is only there to make the scanner or the XML
 * parser hold it. Refused past this length.
 */
export const MAX_REF_LENGTH = 32;

/** CSV budgets, checked while the text is split (csv.ts). */
export const CSV_LIMITS = {
  /** Characters of one line (record): 200 columns of a dozen characters is 2,400; 64 Ki is generous. */
  maxLineChars: 64 * 1024,
  /** Characters of one field: a title line is under 200; a quote never closed swallows the rest of the file. */
  maxFieldChars: 4 * 1024,
  /** Blank (or comma-only) lines in a row: a real export has a few between the table and its footer. */
  maxBlankRun: 200,
  /** Characters the separator is guessed from (about a hundred lines of a form: the header is among them). */
  sniffChars: 16 * 1024,
} as const;

/** How long one file may take in the reading worker, and how much heap it may use (read-pool.ts). */
export const READ_TIME_LIMIT_MS = envInt('UPLOAD_READ_TIMEOUT_MS', 10_000);
export const READ_MEMORY_MB = envInt('UPLOAD_READ_MEMORY_MB', 256);
/** Two cores: one or two readers keep a core for answering requests. */
export const READ_WORKERS = envInt('UPLOAD_READ_WORKERS', 1);
/** Files waiting for a reader; beyond this the upload is answered 503 with Retry-After. */
export const READ_QUEUE = envInt('UPLOAD_READ_QUEUE', 8);

function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  const n = raw === undefined || raw === '' ? NaN : Number(raw);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}
