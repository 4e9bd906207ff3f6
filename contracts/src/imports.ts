import { z } from 'zod';
import { ErrorBody, Id } from './common.ts';
import { ImportQuery, ImportReport } from './org.ts';

/**
 * 计划导入's query: the common ones, and `backfill` — rows may carry due dates in the past or outside
 * the plan's period (补录), asked by someone holding tasks.backfill (403 for anyone else). Without
 * it such rows are refused one by one, as the task API refuses such a date.
 */
export const PlanImportQuery = ImportQuery.extend({ backfill: z.enum(['true', 'false']).default('false') });
export type PlanImportQuery = z.input<typeof PlanImportQuery>;

/**
 * An import running in the background (`POST …/import?background=true` answers 202 with it):
 * read `GET /api/imports/:id` until `state` is done or failed. Held by the server that runs it,
 * for its starter only; a finished job is handed over once and then forgotten (its report may
 * carry initial passwords).
 */
export const ImportJobState = z.enum(['reading', 'checking', 'writing', 'done', 'failed']);
export type ImportJobState = z.infer<typeof ImportJobState>;

export const ImportJob = z.object({
  id: Id,
  kind: z.enum(['people', 'plan']),
  /** reading the file, checking every row, writing them, or finished */
  state: ImportJobState,
  /** rows read, checked or written so far in this state */
  done: z.number().int(),
  /** rows in the file once it has been read (null while reading) */
  total: z.number().int().nullable(),
  /** state done: what a synchronous import answers */
  report: ImportReport.optional(),
  /** state failed: what a synchronous import answers as its error, with its HTTP status */
  error: ErrorBody.shape.error.extend({ status: z.number().int() }).optional(),
});
export type ImportJob = z.infer<typeof ImportJob>;
