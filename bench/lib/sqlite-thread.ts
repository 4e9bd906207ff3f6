import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { WriterAnswer, WriterRequest } from './sqlite-writer.ts';

/**
 * The main thread's end of the SQLite writer thread (sqlite-writer.ts). Requests are numbered in
 * the order they are posted and answered in that order.
 */
export type WriterThread = {
  /** Post without waiting for the answer; a promise to await when the writer is too far behind. */
  post(req: WriterRequest): void | Promise<unknown>;
  /** Post and wait for the answer. */
  ask<T>(req: WriterRequest): Promise<T>;
};

/** Requests posted but not yet handled before the main thread waits: bounds the rows held in memory. */
const MAX_QUEUED = 64;

export async function startWriterThread(file: string): Promise<WriterThread> {
  // The writer is TypeScript too. Node 20 applies no module hooks (tsx's --import) to a worker's
  // entry, so the thread registers tsx's require hook itself, whatever started this process.
  const tsx = createRequire(import.meta.url).resolve('tsx/cjs/api');
  const entry = fileURLToPath(new URL('./sqlite-writer.ts', import.meta.url));
  const worker = new Worker(`require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(entry)});`, {
    eval: true,
    workerData: { file },
  });
  let posted = 0;
  let done = -1;
  let failure: Error | null = null;
  let closed = false;
  type Waiter = { resolve(result: unknown): void; reject(err: Error): void };
  const waiting = new Map<number, Waiter[]>();

  const fail = (err: Error) => {
    failure ??= err;
    for (const ws of waiting.values()) for (const w of ws) w.reject(failure);
    waiting.clear();
  };
  worker.on('message', (answer: WriterAnswer) => {
    if ('failed' in answer)
      return fail(Object.assign(new Error(`SQLite writer: ${answer.failed.message}`), { stack: answer.failed.stack }));
    done = answer.done;
    for (const w of waiting.get(done) ?? []) w.resolve(answer.result);
    waiting.delete(done);
    if (waiting.size === 0) worker.unref();
  });
  worker.on('error', fail);
  worker.on('exit', (code) => {
    if (!closed) fail(new Error(`SQLite writer stopped (exit code ${code})`));
  });

  /** The answer to request `n`. The thread keeps the process alive only while someone waits for it, so a failed generation still exits. */
  const answerTo = (n: number): Promise<unknown> => {
    if (failure) return Promise.reject(failure);
    if (done >= n) return Promise.resolve();
    worker.ref();
    return new Promise((resolve, reject) => waiting.set(n, [...(waiting.get(n) ?? []), { resolve, reject }]));
  };
  const send = (req: WriterRequest) => {
    if (failure) throw failure;
    if (req.op === 'close') closed = true;
    worker.postMessage(req);
    return ++posted;
  };

  await answerTo(0); // the writer has opened the file
  return {
    post(req) {
      const n = send(req);
      if (n - done > MAX_QUEUED) return answerTo(n - MAX_QUEUED);
    },
    ask: async <T>(req: WriterRequest) => (await answerTo(send(req))) as T,
  };
}
