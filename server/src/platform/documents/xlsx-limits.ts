import type { DetailCode, ErrorCode } from '@qinlian/contracts';

/**
 * How much of an uploaded workbook an import will read. Each is checked while reading and the
 * read stops at the first one crossed, so a spreadsheet bomb costs no more than its limit.
 * Data rows (maxRows) are per import and set by the module (5000 people, 5000 plan rows).
 */
export type XlsxLimits = {
  /** the uploaded (compressed) file — QINLIAN_IMPORT_MAX_FILE_MB */
  fileBytes: number;
  /** everything the archive says it unpacks to, and what the parts read actually inflate to — QINLIAN_IMPORT_MAX_UNPACKED_MB */
  unpackedBytes: number;
  /** parts (files) in the archive: a workbook has a few dozen */
  entries: number;
  /** worksheets listed by the workbook */
  sheets: number;
  /** cells (`<c>` elements) in the sheet that is read, empty formatted ones included */
  cells: number;
  /** the highest column a cell may sit in: XFD, Excel's own last column */
  columns: number;
  /** the shared-strings part (共享字符串, every distinct text of the workbook), inflated */
  sharedStringsBytes: number;
  /** the worker's JavaScript heap — QINLIAN_IMPORT_WORKER_MEMORY_MB; beyond it the worker is stopped */
  workerMemoryMb: number;
  /** the worker's wall-clock time */
  workerMs: number;
  /** a workbook that unpacks to no more than this is read on the request's thread: a few milliseconds, no worker to start */
  inProcessBytes: number;
};

const MB = 1024 * 1024;

export const DEFAULT_XLSX_LIMITS: XlsxLimits = {
  fileBytes: 10 * MB,
  unpackedBytes: 100 * MB,
  entries: 1000,
  sheets: 64,
  cells: 1_000_000,
  columns: 16_384,
  sharedStringsBytes: 50 * MB,
  workerMemoryMb: 256,
  workerMs: 120_000,
  inProcessBytes: 256 * 1024,
};

/** The limits of this server: the defaults, with what the environment sets (config.ts). */
export const xlsxLimitsOf = (imports: { maxFileBytes: number; maxUnpackedBytes: number; workerMemoryMb: number }): XlsxLimits => ({
  ...DEFAULT_XLSX_LIMITS,
  fileBytes: imports.maxFileBytes,
  unpackedBytes: imports.maxUnpackedBytes,
  sharedStringsBytes: Math.min(DEFAULT_XLSX_LIMITS.sharedStringsBytes, imports.maxUnpackedBytes),
  workerMemoryMb: imports.workerMemoryMb,
});

/**
 * Why a workbook was refused, as plain data: it crosses from the reading worker to the request,
 * where it becomes a DomainError in the caller's language. `detail` is the reason of an invalid_file.
 */
export class Refusal extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    readonly params: Record<string, string | number> = {},
    readonly detail?: DetailCode,
  ) {
    super(detail ?? code);
  }
}

/** 20 MB, 1.5 MB, 256 KB: a limit as people read it (never "0 MB"). */
export const humanBytes = (bytes: number) =>
  bytes >= MB ? `${Number((bytes / MB).toFixed(1))} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;

export const notXlsx = () => new Refusal('invalid_file', 400, {}, 'file_not_xlsx');
export const fileTooLarge = (l: XlsxLimits) => new Refusal('file_too_large', 413, { limit: humanBytes(l.fileBytes) });
export const unpacksTooLarge = (l: XlsxLimits) => new Refusal('import_too_large', 413, { limit: humanBytes(l.unpackedBytes) });
export const sizesLie = () => new Refusal('invalid_file', 400, {}, 'zip_sizes_lie');
