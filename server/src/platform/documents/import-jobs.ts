import type { FastifyReply, FastifyRequest } from 'fastify';
import { errorMessage, isErrorCode, langFromAcceptLanguage, type ImportJob, type ImportReport, type Lang } from '@qinlian/contracts';
import { DomainError } from '../errors.ts';
import { newId } from '../ids.ts';
import { readUpload } from '../http/upload.ts';
import { xlsxLimitsOf, type XlsxLimits } from './xlsx-limits.ts';

/**
 * Imports (people, plan) answered either at once or as a background job whose progress the
 * console reads. Jobs live in this process: they are short (minutes at most), hold the caller's
 * report only until it has been handed over, and a restart loses nothing that was written —
 * an import writes all its rows in one transaction or none.
 */

export type ImportProgress = { state: 'reading' | 'checking' | 'writing'; done: number; total: number | null };
/** What an import service is given to read its file with: this server's limits, and where to say how far it got. */
export type ImportReading = { limits: XlsxLimits; onProgress: (p: ImportProgress) => void };

type Job = ImportJob & { owner: string; finishedAt: number | null };

const jobs = new Map<string, Job>();
/** a finished job nobody came back for is forgotten after this long */
const KEEP_MS = 15 * 60_000;

/** finished jobs kept at most (oldest forgotten first), whatever their age */
const MAX_FINISHED = 100;

function forgetStale(now: number) {
  const finished = [...jobs.values()].filter((j) => j.finishedAt !== null).sort((a, b) => a.finishedAt! - b.finishedAt!);
  finished.forEach((job, i) => {
    if (now - job.finishedAt! > KEEP_MS || i < finished.length - MAX_FINISHED) jobs.delete(job.id);
  });
}

/** The error a synchronous import would have answered, as the job's `error` (5xx without internals, as the error handler does). */
function failureOf(err: unknown, lang: Lang, req: FastifyRequest): NonNullable<ImportJob['error']> {
  if (err instanceof DomainError) {
    const fields = err.fields?.map((f) => (isErrorCode(f.message) ? { ...f, message: errorMessage(f.message, lang, err.params) } : f));
    return { status: err.status, code: err.code, message: errorMessage(err.code, lang, err.params), ...(fields ? { fields } : {}) };
  }
  const ref = newId();
  req.log.error({ err, ref }, 'import failed');
  return { status: 500, code: 'internal', message: errorMessage('internal', lang, { ref }) };
}

const view = ({ owner: _owner, finishedAt: _finishedAt, ...job }: Job): ImportJob => job;

/**
 * Answer an import route: read the uploaded file (up to the import limit), then answer the report
 * (200) once the import is done, or — `background` — 202 with a job at once, the import going on
 * after the answer. Either way the workbook is read within this server's limits (xlsxLimitsOf).
 */
export async function answerImport(
  req: FastifyRequest,
  reply: FastifyReply,
  opts: { kind: ImportJob['kind']; background: boolean },
  run: (bytes: Buffer, reading: ImportReading) => Promise<ImportReport>,
) {
  const { config } = req.server;
  const { bytes } = await readUpload(req, 'file', Math.min(config.uploadLimitBytes, config.imports.maxFileBytes));
  const limits = xlsxLimitsOf(config.imports);
  if (!opts.background) return run(bytes, { limits, onProgress: () => {} });
  forgetStale(Date.now());
  const job: Job = { id: newId(), kind: opts.kind, state: 'reading', done: 0, total: null, owner: req.actor!.userId, finishedAt: null };
  jobs.set(job.id, job);
  const lang = langFromAcceptLanguage(req.headers['accept-language']);
  run(bytes, { limits, onProgress: (p) => Object.assign(job, p) }).then(
    (report) => Object.assign(job, { state: 'done', done: report.total, total: report.total, report, finishedAt: Date.now() }),
    (err: unknown) => Object.assign(job, { state: 'failed', error: failureOf(err, lang, req), finishedAt: Date.now() }),
  );
  return reply.status(202).send(view(job));
}

/**
 * The job as its starter sees it (anyone else: not found). A finished job is handed over once:
 * its report may carry initial passwords, which are shown once.
 */
export function importJobFor(actorId: string, id: string): ImportJob | null {
  const job = jobs.get(id);
  if (!job || job.owner !== actorId) return null;
  if (job.finishedAt !== null) jobs.delete(id);
  return view(job);
}
