import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ReadSpec, SheetRow } from './sheet-rows.ts';
import { notXlsx, Refusal, type XlsxLimits } from './xlsx-limits.ts';
import type { WorkerInput, WorkerMessage } from './xlsx-worker.ts';

/**
 * Reading a workbook in a worker thread, so that a large or hostile file never holds up the
 * server's event loop (every other request, /api/health too). The worker's heap is capped; a
 * worker that runs out of it, or of time, is stopped and the import refused with a 413 — the
 * server goes on. At most MAX_WORKERS read at once; more imports wait their turn (429 past MAX_WAITING).
 */

const WORKER = new URL('./xlsx-worker.ts', import.meta.url);
// the worker is TypeScript too: it loads through tsx, whether the server runs under `tsx` (npm start) or vitest
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const MAX_WORKERS = 2;
/** imports waiting for a worker, each holding its upload in memory; more are told to come back later */
const MAX_WAITING = 16;

let running = 0;
const waiting: (() => void)[] = [];
async function slot(): Promise<() => void> {
  if (running >= MAX_WORKERS) {
    if (waiting.length >= MAX_WAITING) throw new Refusal('import_busy', 429);
    await new Promise<void>((resolve) => waiting.push(resolve));
  }
  running += 1;
  return () => {
    running -= 1;
    waiting.shift()?.();
  };
}

const tooComplex = (limits: XlsxLimits) =>
  new Refusal('import_too_complex', 413, { limit: `${limits.workerMemoryMb} MB / ${Math.round(limits.workerMs / 1000)} s` });

export async function readRowsInWorker<K extends string>(
  bytes: Buffer,
  spec: ReadSpec<K>,
  limits: XlsxLimits,
  onProgress: (rows: number) => void,
): Promise<SheetRow<K>[]> {
  const release = await slot();
  try {
    return await new Promise<SheetRow<K>[]>((resolve, reject) => {
      const input: WorkerInput = { bytes, spec, limits };
      const worker = new Worker(WORKER, {
        workerData: input,
        execArgv: ['--import', TSX],
        resourceLimits: { maxOldGenerationSizeMb: limits.workerMemoryMb },
      });
      let settled = false;
      const settle = (fn: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        fn();
        void worker.terminate();
      };
      const timer = setTimeout(() => settle(() => reject(tooComplex(limits))), limits.workerMs);
      worker.on('message', (m: WorkerMessage) => {
        if (m.kind === 'progress') return onProgress(m.rows);
        if (m.kind === 'rows') return settle(() => resolve(m.rows as SheetRow<K>[]));
        if (m.kind === 'refused') {
          const r = m.refusal;
          return settle(() => reject(new Refusal(r.code, r.status, r.params, r.detail)));
        }
        settle(() => reject(notXlsx())); // the reader tripped over content it could not make sense of
      });
      worker.on('error', (err: Error & { code?: string }) =>
        settle(() => reject(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? tooComplex(limits) : err)),
      );
      worker.on('exit', () => settle(() => reject(tooComplex(limits))));
    });
  } finally {
    release();
  }
}
