import type { ImportJob, ImportReport } from '@qinlian/contracts';
import { api, ApiError } from '../../api/client.ts';

/** How far an import has got, as the server reports it. */
export type ImportProgress = Pick<ImportJob, 'state' | 'done' | 'total'>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * An import (people, plan: `path` is its POST route) run in the background and followed until it
 * ends: `onProgress` hears every step (reading rows, checking, writing), and the answer is the
 * report a direct call would give — or the ApiError it would throw. The server holds the job, so a
 * large file never keeps one request open for minutes.
 */
export async function runImport(
  path: string,
  file: File,
  opts: { dryRun: boolean; onProgress?: (p: ImportProgress) => void; everyMs?: number },
): Promise<ImportReport> {
  const form = new FormData();
  form.append('file', file);
  let job = await api.upload<ImportJob>(path, form, { dryRun: String(opts.dryRun), background: 'true' });
  for (let wait = 150; ; wait = opts.everyMs ?? 500) {
    opts.onProgress?.(job);
    if (job.state === 'done') return job.report!;
    if (job.state === 'failed') throw new ApiError(job.error!.status, job.error!);
    await sleep(wait);
    job = await api.get<ImportJob>(`/api/imports/${job.id}`);
  }
}
